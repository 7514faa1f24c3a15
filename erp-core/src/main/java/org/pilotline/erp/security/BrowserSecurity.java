package org.pilotline.erp.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.ProblemDetail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What protects a browser session (OWASP ASVS level 2, V3 and V14), in front of every route:
 * <ul>
 * <li><b>Cross-site request forgery.</b> A change (POST, PUT, PATCH, DELETE) authenticated by the session cookie — no
 * {@code Authorization} header — must carry {@code X-Requested-With} (the UI's scripts send it; a page of another
 * site cannot without a CORS preflight, which this server never grants) and, when the browser names an
 * {@code Origin}, come from this server's own origin; the form login likewise (no login CSRF). Otherwise 403
 * {@code csrf-refused}. The cookie is also {@code SameSite=Strict} and {@code HttpOnly}.</li>
 * <li><b>The session cookie</b> is marked {@code Secure} when the request arrived over TLS, says
 * {@code X-Forwarded-Proto: https} (TLS ended at a proxy), or {@code pilotline.security.secure-cookie} is set.</li>
 * <li><b>Security headers</b> on every response: {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: same-origin}, {@code X-Frame-Options: DENY}, {@code Permissions-Policy} without camera,
 * microphone or geolocation, {@code Cross-Origin-Opener-Policy: same-origin}, {@code Strict-Transport-Security} over
 * TLS; and outside {@code /q/} (Swagger UI needs inline scripts) the content security policy {@link #CSP}: scripts,
 * connections, fonts and workers from this origin only, no plug-ins, no framing, no foreign form targets.</li>
 * </ul>
 */
@ApplicationScoped
public class BrowserSecurity {

    /** The UI's scripts load from this origin only; inline styles are allowed (chart and component libraries set them). */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String SESSION_COOKIE = "quarkus-credential";
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Inject
    SecurityConfig config;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        String path = request.path();
        rc.addHeadersEndHandler(v -> {
            decorate(rc.response().headers(), path, secure);
            if (secure || config.secureCookie()) {
                markSessionCookieSecure(request, rc.response());
            }
        });
        String refusal = csrfRefusal(request);
        if (refusal != null) {
            ProblemDetail problem = ProblemDetail.of("csrf-refused", "Cross-site request refused", 403, refusal,
                    path, List.of(), java.util.Map.of());
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE).end(body);
            return;
        }
        rc.next();
    }

    /** Why a change sent with the session cookie (or a form login) is refused as possibly forged; null when it is not. */
    static String csrfRefusal(HttpServerRequest request) {
        if (!CHANGES.contains(request.method())) {
            return null;
        }
        boolean login = "/j_security_check".equals(request.path());
        if (!login && (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !hasSessionCookie(request))) {
            return null; // HTTP Basic or a terminal token: a page of another site cannot set that header
        }
        if (request.getHeader("X-Requested-With") == null) {
            return "A change sent with the browser session must come from PilotLine's own pages (header X-Requested-With)";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, request)) {
            return "A change sent with the browser session must come from this server's origin, not " + origin;
        }
        return null;
    }

    private static boolean hasSessionCookie(HttpServerRequest request) {
        String cookies = request.getHeader(HttpHeaders.COOKIE);
        return cookies != null && cookies.contains(SESSION_COOKIE + "=");
    }

    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        String forwardedHost = request.getHeader("X-Forwarded-Host");
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // "null" (a sandboxed frame, a file) is no origin of ours
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(forwardedHost)
                    || (uri.getPort() < 0 && host != null && host.toLowerCase(Locale.ROOT)
                    .equals(uri.getHost().toLowerCase(Locale.ROOT) + ":" + ("https".equals(uri.getScheme()) ? 443 : 80)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void decorate(MultiMap headers, String path, boolean tls) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (tls) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (!path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", CSP);
        }
    }

    /**
     * Marks the session cookie this response sets as {@code Secure}. Vert.x writes its cookies after the headers-end
     * handlers have run, so the cookie is taken from the response's cookie jar and put back marked; the cookie the
     * browser sent (unchanged, not to be set again) is left alone.
     */
    static void markSessionCookieSecure(HttpServerRequest request, io.vertx.core.http.HttpServerResponse response) {
        String sent = request.getHeader(HttpHeaders.COOKIE);
        for (io.vertx.core.http.Cookie cookie : response.removeCookies(SESSION_COOKIE, false)) {
            boolean fromBrowser = sent != null && cookie.getValue() != null
                    && sent.contains(SESSION_COOKIE + "=" + cookie.getValue());
            if (!fromBrowser) {
                response.addCookie(cookie.setSecure(true));
            }
        }
    }
}
