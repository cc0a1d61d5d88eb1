package io.filestore.internal.index;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Number keys compare as the exact values they were written as, whatever their Java or JSON form. */
class IndexKeysTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void equalValuesAreOneKeyInEveryForm() {
        Object one = IndexKeys.ofJava(1, null);
        assertThat(List.of(IndexKeys.ofJava(1L, null), IndexKeys.ofJava(1.0, null), IndexKeys.ofJava(new BigDecimal("1.000"), null),
                IndexKeys.of(NODES.numberNode(new BigDecimal("1.0"))), IndexKeys.of(NODES.numberNode(BigInteger.ONE))))
                .allSatisfy(key -> assertThat(key).isEqualTo(one).hasSameHashCodeAs(one));
        Object big = IndexKeys.ofJava(BigInteger.TWO.pow(70), null);
        assertThat(IndexKeys.of(NODES.numberNode(new BigDecimal(BigInteger.TWO.pow(70)).setScale(2))))
                .isEqualTo(big).hasSameHashCodeAs(big);
        Object tenth = IndexKeys.ofJava(0.1, null);
        assertThat(IndexKeys.of(NODES.numberNode(new BigDecimal("0.1000")))).isEqualTo(tenth).hasSameHashCodeAs(tenth);
    }

    @Test
    void numbersThatDifferAreDifferentKeysInTheirExactOrder() {
        BigInteger twoTo64 = BigInteger.TWO.pow(64);
        assertThat(IndexKeys.compare(IndexKeys.ofJava(twoTo64, null), IndexKeys.ofJava(twoTo64.add(BigInteger.ONE), null)))
                .isNegative();
        assertThat(IndexKeys.compare(IndexKeys.ofJava(new BigDecimal("0.10000000000000001"), null), IndexKeys.ofJava(0.1, null)))
                .isPositive();
        assertThat(IndexKeys.ofJava(new BigDecimal("0.10000000000000001"), null)).isNotEqualTo(IndexKeys.ofJava(0.1, null));
    }

    @Test
    void keysOfRandomNumbersOrderAsTheirExactValues() {
        Random random = new Random(7);
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add(randomNumber(random));
        }
        for (BigDecimal a : values) {
            for (BigDecimal b : values) {
                Object keyA = keyOf(a, random);
                Object keyB = keyOf(b, random);
                int expected = Integer.signum(a.compareTo(b));
                assertThat(Integer.signum(IndexKeys.compare(keyA, keyB))).as("%s vs %s", a, b).isEqualTo(expected);
                assertThat(keyA.equals(keyB)).as("%s equals %s", a, b).isEqualTo(expected == 0);
            }
        }
    }

    @Test
    void nonFiniteDoublesOrderAroundEveryNumber() {
        Object huge = IndexKeys.ofJava(BigInteger.TEN.pow(400), null);
        assertThat(IndexKeys.compare(huge, Double.POSITIVE_INFINITY)).isNegative();
        assertThat(IndexKeys.compare(IndexKeys.ofJava(BigInteger.TEN.pow(400).negate(), null), Double.NEGATIVE_INFINITY))
                .isPositive();
        assertThat(IndexKeys.compare(Double.POSITIVE_INFINITY, Double.NaN)).isNegative();
        assertThat(IndexKeys.compare(Double.NaN, Double.NaN)).isZero();
    }

    /** Integers and decimals around the long and double edges, often equal to each other in value. */
    private static BigDecimal randomNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> BigDecimal.valueOf(random.nextInt(5) - 2);
            case 1 -> new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(random.nextInt(5) - 2)));
            case 2 -> new BigDecimal(BigInteger.TWO.pow(64).add(BigInteger.valueOf(random.nextInt(5) - 2)))
                    .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
            case 3 -> BigDecimal.valueOf(random.nextInt(2000) / 8.0 - 100);
            case 4 -> new BigDecimal("0.1").add(new BigDecimal(BigInteger.valueOf(random.nextInt(5) - 2), 17));
            default -> new BigDecimal(random.nextDouble() * 1e20);
        };
    }

    /** The key of the value through one of the forms it can arrive in. */
    private static Object keyOf(BigDecimal value, Random random) {
        JsonNode node = switch (random.nextInt(3)) {
            case 0 -> NODES.numberNode(value);
            case 1 -> NODES.numberNode(value.setScale(Math.max(value.scale(), 0) + 2));
            default -> value.stripTrailingZeros().scale() <= 0
                    ? NODES.numberNode(value.toBigIntegerExact()) : NODES.numberNode(value);
        };
        return random.nextBoolean() ? IndexKeys.of(node) : IndexKeys.ofJava(value, null);
    }
}
