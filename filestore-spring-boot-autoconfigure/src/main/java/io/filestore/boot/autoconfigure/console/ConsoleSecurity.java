package io.filestore.boot.autoconfigure.console;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.context.WebApplicationContext;

/**
 * Asks Spring Security whether an anonymous user may make the console's requests. For each request it
 * finds the filter chain the server would run (the first of {@link FilterChainProxy}'s chains that
 * matches), and asks the {@link WebInvocationPrivilegeEvaluator} Spring Security registers (the bean its
 * JSP tag and Thymeleaf's {@code sec:authorize-url} ask) what that chain's authorization rules decide.
 * The probe requests go through the same {@link HttpServletRequestTransformer} Spring Security gives
 * the evaluator (request attributes for its path matchers). The chain is looked up first because the evaluator alone denies a request that no chain matches,
 * which the server lets through; a chain without authorization rules lets it through too.
 * Loaded only when Spring Security's web module is on the class path.
 */
final class ConsoleSecurity {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("filestore-console-check",
            "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private ConsoleSecurity() {
    }

    /**
     * Why the console is not guarded, or {@code null} when Spring Security denies an anonymous user every
     * one of its requests.
     */
    static @Nullable String unguardedReason(ListableBeanFactory beans, String contextPath, String path) {
        FilterChainProxy chains = beans.getBeanProvider(FilterChainProxy.class).getIfUnique();
        WebInvocationPrivilegeEvaluator evaluator = beans.getBeanProvider(WebInvocationPrivilegeEvaluator.class)
                .getIfUnique();
        if (chains == null || evaluator == null) {
            return "Spring Security is on the class path but no web security is configured to guard it";
        }
        ServletContext servletContext = beans instanceof WebApplicationContext web ? web.getServletContext() : null;
        HttpServletRequestTransformer transformer = beans.getBeanProvider(HttpServletRequestTransformer.class)
                .getIfUnique(PathPatternRequestTransformer::new);
        for (ConsoleController.Route route : ConsoleController.ROUTES) {
            String uri = path + route.sample();
            String request = route.method() + " " + contextPath + uri;
            try {
                HttpServletRequest probe = transformer.transform(
                        new FilterInvocation(contextPath, uri, route.method(), servletContext).getHttpRequest());
                String open = whyAnonymousGetsThrough(chains, evaluator, probe);
                if (open != null) {
                    return "Spring Security lets an anonymous " + request + " through (" + open + ")";
                }
            } catch (RuntimeException cannotTell) {
                return "Spring Security could not say whether an anonymous " + request + " is allowed ("
                        + cannotTell + "), so nothing shows that it is guarded";
            }
        }
        return null;
    }

    private static @Nullable String whyAnonymousGetsThrough(FilterChainProxy chains,
                                                            WebInvocationPrivilegeEvaluator evaluator,
                                                            HttpServletRequest request) {
        SecurityFilterChain chain = chains.getFilterChains().stream().filter(candidate -> candidate.matches(request))
                .findFirst().orElse(null);
        if (chain == null) {
            return "no filter chain matches it";
        }
        if (chain.getFilters().stream().noneMatch(AuthorizationFilter.class::isInstance)) {
            return "the chain that matches it has no authorization rules";
        }
        boolean allowed = evaluator.isAllowed(request.getContextPath(), request.getServletPath(), request.getMethod(),
                ANONYMOUS);
        return allowed ? "the chain that matches it permits it" : null;
    }
}
