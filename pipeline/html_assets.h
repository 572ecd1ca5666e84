/* html_assets.h - the html page's template, style sheet and script (pipeline/html/), compiled in
 * by tools/embed.sh into $(BUILD)/html_assets.c, so the binary needs no file at run time. */
#ifndef WM_HTML_ASSETS_H
#define WM_HTML_ASSETS_H

extern const char wm_html_page_html[];
extern const char wm_html_page_css[];
extern const char wm_html_page_js[];
/* "sha256-<base64>" of page.js, for the page's Content-Security-Policy */
extern const char wm_html_script_hash[];

#endif
