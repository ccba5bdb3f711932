package org.luoshi.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppRoutesTest {
    @Test
    void pagesOfTheAppAreRoutesButFilesAndQuarkusPathsAreNot() {
        assertTrue(AppRoutes.isAppPage("/staff/inbox"));
        assertTrue(AppRoutes.isAppPage("/tasks/42"));
        assertFalse(AppRoutes.isAppPage("/"));
        assertFalse(AppRoutes.isAppPage("/config.json"));
        assertFalse(AppRoutes.isAppPage("/assets/index-abc.js"));
        assertFalse(AppRoutes.isAppPage("/q/health"));
    }
}
