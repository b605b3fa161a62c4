package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.report.TextReport;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Owns {@code skip}: every goal can be turned off with {@code -Dpinpoint-events.skip}. */
public abstract class AbstractPinpointMojo extends AbstractMojo {

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pinpoint-events.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping pinpoint-events:" + goal() + " because pinpoint-events.skip is set.");
            return;
        }
        executeGoal();
    }

    /** One line of the text report, at the log level of its kind. */
    protected void log(TextReport.Line line) {
        switch (line.kind()) {
            case ERROR -> getLog().error(line.text());
            case WARNING -> getLog().warn(line.text());
            default -> getLog().info(line.text());
        }
    }

    /** The goal's name, for messages. */
    protected abstract String goal();

    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;
}
