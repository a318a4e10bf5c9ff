package io.newsalerts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/alerts}: the pipeline on this machine. Output contracts (scripts depend on them) are one JSON object per
 * line on stdout; diagnostics go to stderr.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true, version = "newsalerts 0.1.0",
        description = "Turn news articles into alerts, locally.",
        subcommands = {ExtractCommand.class, RunCommand.class, EvalCommand.class})
public final class Alerts implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: extract, run or eval");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Alerts()).execute(args));
    }
}
