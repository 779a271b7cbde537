package org.fundtrail.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web page, the documentation page (Swagger UI from its webjar, no CDN), their static files
 * and {@code /openapi.json}; every answer is held in memory with an ETag of its bytes.
 */
final class PageController {
    private static final String WEB = "org/fundtrail/api/web/";
    /** The Swagger UI files the documentation page needs; nothing else of the webjar is served. */
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript", "swagger-ui.css", "text/css",
            "favicon-32x32.png", "image/png");
    /** The page's own scripts (ES modules) and style sheets: any such file in {@code web/}. */
    private static final java.util.regex.Pattern OWN_FILE = java.util.regex.Pattern.compile("[a-z0-9-]+\\.(js|css)");
    /** Vendored libraries (from the npm registry, see {@code web/vendor/README.txt}) and their licences. */
    private static final java.util.regex.Pattern VENDOR_FILE =
            java.util.regex.Pattern.compile("[a-z0-9.-]+\\.(min\\.js|LICENSE\\.txt)|README\\.txt");

    /** Bytes with their content type and ETag. */
    record Asset(byte[] bytes, String contentType, String etag) {
        static Asset of(byte[] bytes, String contentType) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Asset(bytes, contentType, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();
    private final String swaggerRoot;
    private volatile Asset openapi;

    PageController() {
        swaggerRoot = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    private static String swaggerUiVersion() {
        Properties props = new Properties();
        try (InputStream in = PageController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // fall through: the documentation page then fails to load its script, nothing else
        }
        return props.getProperty("version", "unknown");
    }

    void openapiDocument(byte[] document) {
        openapi = Asset.of(document, Route.JSON);
    }

    Route.Handler openapi() {
        return (ctx, p) -> send(ctx, openapi);
    }

    Route.Handler resource(String name) {
        return (ctx, p) -> send(ctx, load(WEB + name, "text/html; charset=utf-8"));
    }

    Route.Handler asset() {
        return (ctx, p) -> {
            String file = p.string("file");
            Asset asset = null;
            if (SWAGGER_FILES.containsKey(file)) {
                String type = SWAGGER_FILES.get(file);
                asset = load(swaggerRoot + file, type.startsWith("text/") ? type + "; charset=utf-8" : type);
            } else if (OWN_FILE.matcher(file).matches()) {
                asset = load(WEB + file, (file.endsWith(".js") ? "text/javascript" : "text/css") + "; charset=utf-8");
            }
            if (asset == null) {
                throw ApiException.notFound("file", "no asset '" + file + "'");
            }
            send(ctx, asset);
        };
    }

    /** @return the vendored libraries and their licence files */
    Route.Handler vendor() {
        return (ctx, p) -> {
            String file = p.string("vendorFile");
            Asset asset = VENDOR_FILE.matcher(file).matches() ? load(WEB + "vendor/" + file,
                    (file.endsWith(".js") ? "text/javascript" : "text/plain") + "; charset=utf-8") : null;
            if (asset == null) {
                throw ApiException.notFound("vendorFile", "no vendored file '" + file + "'");
            }
            send(ctx, asset);
        };
    }

    /**
     * A page of the site: the single page app's {@code index.html}, whatever the view; the script
     * reads the view from the URL. The parameters are validated (and so read) before the page is sent,
     * so a malformed shared link is a 400, not a blank page.
     *
     * @param params the path and query parameters the page's route declares
     * @return the handler
     */
    Route.Handler page(String... params) {
        return (ctx, p) -> {
            for (String name : params) {
                p.has(name);
            }
            send(ctx, load(WEB + "index.html", "text/html; charset=utf-8"));
        };
    }

    private Asset load(String path, String contentType) {
        return cache.computeIfAbsent(path, k -> {
            try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(k)) {
                return in == null ? null : Asset.of(in.readAllBytes(), contentType);
            } catch (IOException e) {
                return null;
            }
        });
    }

    static void send(Context ctx, Asset asset) {
        if (asset == null) {
            throw ApiException.notFound(null, "not found");
        }
        ctx.header("ETag", asset.etag());
        ctx.header("Cache-Control", "public, max-age=300");
        String inm = ctx.header("If-None-Match");
        if (inm != null && Caching.matches(inm, asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    static String text(Asset asset) {
        return new String(asset.bytes(), StandardCharsets.UTF_8);
    }
}
