#ifndef GLUESCRIPT_EDIT_SHIMS_H
#define GLUESCRIPT_EDIT_SHIMS_H

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
