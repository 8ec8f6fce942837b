/**
 * The languages of the server's pages (the dashboard, the editor): one strings file per language
 * under {@code /i18n/} ({@link org.powledger.web.i18n.Languages}), the page chosen from the browser's
 * {@code Accept-Language} ({@link org.powledger.web.i18n.LanguagePages}) and rendered in it
 * ({@link org.powledger.web.i18n.PageTemplate}), and the
 * script {@code i18n.js} that switches language in the browser
 * ({@link org.powledger.web.i18n.LanguageRoutes}).
 */
package org.powledger.web.i18n;
