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
 * interface) it starts only when Spring Security is present with a {@code SecurityFilterChain} bean, which
 * the application is expected to point at the console's path, or when {@code filestore.console.allow-remote}
 * says to take the risk, which is logged as a warning.
 */
final class ConsoleAccess {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccess.class);
    private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

    private ConsoleAccess() {
    }

    /**
     * Checks that the console may start.
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
        if (isGuardedBySpringSecurity(beans)) {
            log.info("FileStore console at {} on {}: Spring Security's filter chain guards it", path, address);
            return;
        }
        if (allowRemote) {
            log.warn("FileStore console at {} is reachable on {} WITHOUT security (filestore.console.allow-remote=true):"
                    + " anyone who reaches the port reads every record", path, address);
            return;
        }
        throw new ConsoleExposedException(address, path);
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

    private static boolean isGuardedBySpringSecurity(ListableBeanFactory beans) {
        Class<?> chain = securityFilterChainType(beans.getClass().getClassLoader());
        return chain != null && beans.getBeanNamesForType(chain, false, false).length > 0;
    }

    private static @Nullable Class<?> securityFilterChainType(@Nullable ClassLoader loader) {
        return ClassUtils.isPresent(SECURITY_FILTER_CHAIN, loader)
                ? ClassUtils.resolveClassName(SECURITY_FILTER_CHAIN, loader) : null;
    }
}
