package org.luoshi.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * History-mode routing of the single-page app: a GET of one of its pages (/staff/inbox, /tasks/42 …), typed in,
 * bookmarked or reloaded, answers index.html, and the app's router shows the page. Files (anything with an
 * extension), /config.json and Quarkus' own /q/ are served as they are, so a missing asset is still a 404.
 */
@Singleton
public class AppRoutes {

    static boolean isAppPage(String path) {
        if (path == null || path.equals("/") || path.startsWith("/q/") || path.equals("/q")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            if (ctx.request().method() == HttpMethod.GET && isAppPage(ctx.normalizedPath())) {
                ctx.reroute("/index.html");
            } else {
                ctx.next();
            }
        }, 100);
    }
}
