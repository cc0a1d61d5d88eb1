package io.filestore.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.filestore.benchmarks.report.Target.Side;

/**
 * The report's targets section: each {@link Target} with both medians, their ratio, the number of
 * forks behind each, and whether the target is met. A target whose result is missing (a benchmark
 * failed or was not run, or a target against an earlier run without the baseline file) is not judged,
 * and says why.
 */
final class TargetTable {

    private final Function<Side, Optional<Measurement>> results;

    /** {@code results} finds a side's measurement, in this run or in the baseline run. */
    TargetTable(Function<Side, Optional<Measurement>> results) {
        this.results = results;
    }

    /** The two tables (targets to reach, targets to hold) as Markdown. */
    String markdown(List<Target> targets) {
        StringBuilder md = new StringBuilder();
        md.append("Judged on the medians (of every iteration or shot of every fork; the forks' own medians spread as"
                + " the Medians table shows). Forks: how many JVMs measured each side; the full profile runs at least"
                + " 4 for every side of these targets except the sustained runs (one run of a minute each) and the"
                + " flush (one shot in each of two rounds).\n\n");
        md.append("### To reach\n\n");
        table(md, targets.stream().filter(Target::raised).toList());
        md.append("\n### To hold\n\n");
        table(md, targets.stream().filter(target -> !target.raised()).toList());
        return md.toString();
    }

    private void table(StringBuilder md, List<Target> targets) {
        md.append("| target | FileStore | compared with | ratio of the medians | target | forks | verdict |\n");
        md.append("|---|---:|---:|---|---:|---:|---|\n");
        for (Target target : targets) {
            Optional<Measurement> measured = results.apply(target.measured());
            Optional<Measurement> reference = Optional.ofNullable(target.reference()).flatMap(results);
            md.append("| ").append(target.name())
                    .append(" | ").append(measured.map(Report::format).orElse("—"))
                    .append(" | ").append(target.reference() == null ? "fixed figure"
                            : target.reference().label() + " " + reference.map(Report::format).orElse("—"))
                    .append(" | ").append(ratioText(target, measured, reference))
                    .append(" | ").append(target.condition())
                    .append(" | ").append(forks(measured, reference, target.reference() != null))
                    .append(" | ").append(verdict(target, measured, reference))
                    .append(" |\n");
        }
    }

    private static String ratioText(Target target, Optional<Measurement> measured, Optional<Measurement> reference) {
        if (measured.isEmpty() || (target.reference() != null && reference.isEmpty())) {
            return target.ratioName();
        }
        if (target.reference() == null) {
            return target.ratioName() + " = " + Report.format(measured.get());
        }
        double ratio = target.ratio(measured.get(), reference.get());
        return target.ratioName() + " = " + String.format(Locale.ROOT, ratio >= 100 ? "%,.0f" : "%.2f", ratio);
    }

    private static String forks(Optional<Measurement> measured, Optional<Measurement> reference, boolean compared) {
        String own = measured.map(m -> String.valueOf(m.forks())).orElse("—");
        return compared ? own + " / " + reference.map(m -> String.valueOf(m.forks())).orElse("—") : own;
    }

    private static String verdict(Target target, Optional<Measurement> measured, Optional<Measurement> reference) {
        if (measured.isEmpty()) {
            return "not judged: no result for FileStore in this run";
        }
        if (target.reference() != null && reference.isEmpty()) {
            return target.reference().baseline()
                    ? "not judged: no baseline run (give the suite -Dbench.baseline=<an earlier jmh-results.json>)"
                    : "not judged: no result for " + target.reference().label() + " in this run";
        }
        return target.met(target.ratio(measured.get(), reference.orElse(null))) ? "met" : "**not met**";
    }
}
