#ifndef GLUESCRIPT_EDIT_SHIMS_H
#define GLUESCRIPT_EDIT_SHIMS_H

/* libedit is opened with dlopen when the REPL starts (gs_edit_load), so that running a script
   does not load it. gs_edit_load opens it once per process and returns 0 on success; otherwise
   gs_edit_load_error says why (naming the library), and the functions below still work
   without line editing: lines are read plainly from stdin and history is not kept.
   `path` names the library to open (NULL: libedit.so.2, or libedit.3.dylib on macOS). */
int gs_edit_load(const char *path);
const char *gs_edit_load_error(void);

/* Line editing for the REPL (libedit's readline interface). Returns a malloc'd line,
   NULL at end of input, or the empty string with *interrupted set after Ctrl-C. */
char *gs_readline(const char *prompt, int *interrupted);
void gs_add_history(const char *line);
int gs_read_history(const char *path);
int gs_write_history(const char *path);

/* Tab completion: the callback returns candidates for `text` (the word before the cursor)
   given the whole line up to it; it returns a malloc'd NULL-terminated array. */
typedef char **(*gs_completion_provider)(const char *text, const char *line_before);
void gs_set_completion_provider(gs_completion_provider provider);

#endif
