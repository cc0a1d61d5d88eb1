package io.filestore.boot.autoconfigure.console;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Whether the console may start, decided once at startup as H2's console decides who may connect
 * ({@code webAllowOthers}), but before anything is served: a console on a loopback {@code server.address}
 * starts; on any other address (and when {@code server.address} is unset, the server listens on every
 * interface) it starts only when Spring Security denies an anonymous user every one of the console's
 * requests (asked by {@link ConsoleSecurity}), or when {@code filestore.console.allow-remote} says to
 * take the risk, which is logged as a warning.
 */
final class ConsoleAccess {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccess.class);
    private static final String PRIVILEGE_EVALUATOR =
            "org.springframework.security.web.access.WebInvocationPrivilegeEvaluator";

    private ConsoleAccess() {
    }

    /**
     * Checks that the console may start. Called once every singleton exists (Spring Security's filter
     * chains included) and before the web server takes connections.
     *
     * @throws ConsoleExposedException when it would be reachable from other machines with nothing guarding it
     */
    static void check(Environment environment, ListableBeanFactory beans, boolean allowRemote, String path) {
        String configured = environment.getProperty("server.address");
        if (configured != null && isLoopback(configured)) {
            return;
        }
        String address = configured == null ? "every network interface (server.address is unset)"
                : "address " + configured;
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        String unguarded = unguardedReason(beans, contextPath, path);
        if (unguarded == null) {
            log.info("FileStore console at {} on {}: Spring Security denies anonymous users every console request",
                    path, address);
            return;
        }
        if (allowRemote) {
            log.warn("FileStore console at {} is reachable on {} WITHOUT security (filestore.console.allow-remote=true):"
                    + " {}; anyone who reaches the port reads every record", path, address, unguarded);
            return;
        }
        throw new ConsoleExposedException(address, path, unguarded);
    }

    private static @Nullable String unguardedReason(ListableBeanFactory beans, String contextPath, String path) {
        if (!ClassUtils.isPresent(PRIVILEGE_EVALUATOR, beans.getClass().getClassLoader())) {
            return "Spring Security is not on the class path";
        }
        return ConsoleSecurity.unguardedReason(beans, contextPath, path);
    }

    private static boolean isLoopback(String address) {
        try {
            for (InetAddress resolved : InetAddress.getAllByName(address)) {
                if (!resolved.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
