package org.frameloop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless Eclipse application behind {@code ./frameloop}: dispatches to a subcommand. */
public class FrameloopApplication implements IApplication {

    private final List<CliCommand> commands = List.of(new DemoCommand(), new RunCommand(), new BenchCommand(),
            new PretrainCommand(), new ExportCommand(), new ProjectCommand(), new ServeCommand(), new PluginsCommand(), new DoctorCommand(), new SoakCommand());

    @Override
    public Object start(IApplicationContext context) {
        String[] arguments = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        return run(List.of(arguments), System.out, System.err);
    }

    int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || List.of("help", "--help", "-h").contains(arguments.get(0))) {
            printHelp(out);
            return arguments.isEmpty() ? CliCommand.USAGE_ERROR : 0;
        }
        String name = arguments.get(0);
        Optional<CliCommand> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            err.println("frameloop: unknown command '" + name + "'; run ./frameloop --help for the list");
            return CliCommand.USAGE_ERROR;
        }
        try {
            return command.get().run(arguments.subList(1, arguments.size()), out, err);
        } catch (RuntimeException e) {
            // Last resort: a one-line message for the user; the trace only when asked for.
            err.println("frameloop " + name + ": " + e.getMessage());
            if (Boolean.getBoolean("frameloop.debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run with FRAMELOOP_DEBUG=1 for the stack trace)");
            }
            return 1;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("Frameloop: label every frame of a video with as few clicks as possible.");
        out.println();
        out.println("usage: ./frameloop <command> [options]");
        out.println();
        out.println("commands:");
        out.printf("  %-10s %s%n", "ide", "open the annotation IDE (a window; needs a display)");
        for (CliCommand command : commands) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
        }
        out.printf("  %-10s %s%n", "help", "this list; './frameloop <command> --help' describes one command");
        out.println();
        out.println("'./frameloop demo' is the quickest way to see the whole loop; README.md has more.");
    }

    @Override
    public void stop() {
        // Commands run to completion on the main thread; nothing to interrupt.
    }
}
