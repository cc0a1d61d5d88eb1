package io.filestore.boot.autoconfigure.console;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a console enabled on a reachable address without security, with the ways out. */
final class ConsoleExposedFailureAnalyzer extends AbstractFailureAnalyzer<ConsoleExposedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConsoleExposedException cause) {
        String action = "Do one of these: set 'server.address' to a loopback address (127.0.0.1) for local use; "
                + "add Spring Security with a SecurityFilterChain that denies anonymous users every request under "
                + "the console's path, for example http.securityMatcher(\"" + cause.path() + "/**\")"
                + ".authorizeHttpRequests(a -> a.anyRequest().hasRole(\"OPS\")); or, knowing that anyone who "
                + "reaches the port then reads every record, set 'filestore.console.allow-remote=true'. "
                + "Or turn the console off: 'filestore.console.enabled=false'.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
