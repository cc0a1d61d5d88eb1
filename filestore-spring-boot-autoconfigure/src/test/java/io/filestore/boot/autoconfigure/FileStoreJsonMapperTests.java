package io.filestore.boot.autoconfigure;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.internal.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FileStore's JSON mapping gets extra modules through {@link FileStoreJsonMapperCustomizer} beans, and
 * Boot's web mapper settings ({@code spring.jackson.*}, Boot's own customizers) never change the
 * format on disk.
 */
class FileStoreJsonMapperTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class, FileStoreDataAutoConfiguration.class));

    @TempDir
    Path dataDir;

    record Money(BigDecimal amount, String currency) {
    }

    record Invoice(String customerName, Money total) {
    }

    @Test
    void aJsonMapperCustomizerAddsAModuleToTheStoresMapper() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withBean(FileStoreJsonMapperCustomizer.class, () -> mapper -> mapper.addModule(moneyAsText()))
                .run(context -> {
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("invoices").put("i1", new Invoice("Ada", new Money(new BigDecimal("12.50"), "EUR")));
                    store.flush();
                    assertThat(Files.readString(dataDir.resolve("invoices/i1.json"))).contains("\"12.50 EUR\"");
                    assertThat(store.collection("invoices").get("i1", Invoice.class)).get()
                            .extracting(Invoice::total).isEqualTo(new Money(new BigDecimal("12.50"), "EUR"));
                    assertThat(context.getBean(MappingFileStoreConverter.class).jsonMapper()
                            .writeValueAsString(new Money(BigDecimal.ONE, "USD"))).isEqualTo("\"1 USD\"");
                });
    }

    @Test
    void theMapperKeepsFileStoresDefaultsUnderTheCustomizers() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withBean(FileStoreJsonMapperCustomizer.class, () -> mapper -> mapper.addModule(moneyAsText()))
                .run(context -> {
                    JsonMapper mapper = context.getBean(FileStoreOptions.class).jsonMapper();
                    assertThat(mapper.deserializationConfig().getDeserializationFeatures())
                            .isEqualTo(Json.defaultMapper().deserializationConfig().getDeserializationFeatures());
                    // unknown properties are ignored and decimals keep their digits, as with the default mapper
                    assertThat(mapper.readValue("{\"customerName\":\"Ada\",\"extra\":1}", Invoice.class).customerName())
                            .isEqualTo("Ada");
                    assertThat(mapper.readTree("0.1000000000000000055").decimalValue())
                            .isEqualTo(new BigDecimal("0.1000000000000000055"));
                });
    }

    @Test
    void springJacksonSettingsAndBootsCustomizersNeverChangeTheStoredFieldNames() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir, "spring.jackson.property-naming-strategy=SNAKE_CASE")
                .withBean(JsonMapperBuilderCustomizer.class, () -> web -> web.addModule(moneyAs("web money")))
                .withBean(FileStoreJsonMapperCustomizer.class, () -> mapper -> mapper.addModule(moneyAsText()))
                .run(context -> {
                    Invoice invoice = new Invoice("Ada", new Money(BigDecimal.TEN, "EUR"));
                    // the web mapper does take the settings: they are there to be ignored
                    assertThat(context.getBean(JsonMapper.class).writeValueAsString(invoice))
                            .contains("customer_name", "web money");

                    FileStore store = context.getBean(FileStore.class);
                    store.collection("invoices").put("i1", invoice);
                    store.flush();
                    assertThat(Files.readString(dataDir.resolve("invoices/i1.json")))
                            .contains("\"customerName\"", "\"10 EUR\"").doesNotContain("customer_name", "web money");
                    assertThat(context.getBean(FileStoreOptions.class).jsonMapper())
                            .isNotSameAs(context.getBean(JsonMapper.class));
                });
    }

    private static SimpleModule moneyAsText() {
        SimpleModule module = moneyAs(null);
        module.addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) {
                String[] parts = parser.getString().split(" ");
                return new Money(new BigDecimal(parts[0]), parts[1]);
            }
        });
        return module;
    }

    /** Writes money as "amount currency", or as the fixed text when one is given. */
    private static SimpleModule moneyAs(String fixed) {
        SimpleModule module = new SimpleModule("money-" + (fixed == null ? "text" : "fixed"));
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(fixed != null ? fixed : value.amount().toPlainString() + " " + value.currency());
            }
        });
        return module;
    }
}
