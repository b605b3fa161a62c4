package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.report.RulesReport;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the rule catalogue. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Print the rule catalogue.",
            "",
            "Lists every rule the decision engine applies, in decision order: id, level, status, the message"
                    + " answered, provenance (observed: the service's own words were seen; documented: AWS"
                    + " documents the limit, the wording is ours; inferred: our conservative reading), and the"
                    + " source.",
            ""})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { text, json }

    @Override
    public Integer call() {
        if (format == Format.json) {
            RulesReport.json(RuleCatalogue.get().rules(), spec.commandLine().getOut());
        } else {
            RulesReport.text(RuleCatalogue.get().rules(), spec.commandLine().getOut());
        }
        return 0;
    }
}
