#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <editline/readline.h>
#include "edit_shims.h"

#ifdef __APPLE__
#define GS_EDIT_DEFAULT_NAME "libedit.3.dylib"
#else
#define GS_EDIT_DEFAULT_NAME "libedit.so.2"
#endif

/* The functions and variables of libedit the REPL uses, resolved by name. */
static struct {
    char *(*readline)(const char *);
    int (*add_history)(const char *);
    int (*read_history)(const char *);
    int (*write_history)(const char *);
    char **line_buffer;
    const char **basic_word_break_characters;
    rl_completion_func_t **attempted_completion_function;
    int *attempted_completion_over;
    int *completion_append_character;
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *library_name = GS_EDIT_DEFAULT_NAME;
static int load_status = -1;
static char load_error[512] = "libedit was not loaded";

static int attempted = 0;

static void load_library(void) {
    attempted = 1;
    void *library = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : library_name);
        return;
    }
#define RESOLVE(field, name)                                                                 \
    if ((*(void **)&api.field = dlsym(library, name)) == NULL) {                             \
        snprintf(load_error, sizeof load_error, "%s has no symbol %s", library_name, name); \
        return;                                                                              \
    }
    RESOLVE(readline, "readline")
    RESOLVE(add_history, "add_history")
    RESOLVE(read_history, "read_history")
    RESOLVE(write_history, "write_history")
    RESOLVE(line_buffer, "rl_line_buffer")
    RESOLVE(basic_word_break_characters, "rl_basic_word_break_characters")
    RESOLVE(attempted_completion_function, "rl_attempted_completion_function")
    RESOLVE(attempted_completion_over, "rl_attempted_completion_over")
    RESOLVE(completion_append_character, "rl_completion_append_character")
#undef RESOLVE
    load_status = 0;
}

int gs_edit_load(const char *path) {
    if (!attempted && path != NULL && path[0] != '\0') library_name = path;
    pthread_once(&load_once, load_library);
    return load_status;
}

const char *gs_edit_load_error(void) { return load_error; }

/* Without libedit: the prompt, then one line from stdin, without its newline. */
static char *plain_readline(const char *prompt) {
    fputs(prompt, stdout);
    fflush(stdout);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length = getline(&line, &capacity, stdin);
    if (length < 0) {
        free(line);
        return NULL;
    }
    if (length > 0 && line[length - 1] == '\n') line[length - 1] = '\0';
    return line;
}

static sigjmp_buf readline_jump;
static volatile sig_atomic_t in_readline = 0;

/* Ctrl-C at the prompt abandons the line being typed: jump back out of readline. */
static void on_sigint_at_prompt(int sig) {
    (void)sig;
    if (in_readline) {
        in_readline = 0;
        siglongjmp(readline_jump, 1);
    }
}

char *gs_readline(const char *prompt, int *interrupted) {
    struct termios saved;
    int have_termios = tcgetattr(STDIN_FILENO, &saved) == 0;
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint_at_prompt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous);
    *interrupted = 0;
    char *line;
    if (sigsetjmp(readline_jump, 1) != 0) {
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fputs("\n", stdout);
        fflush(stdout);
        *interrupted = 1;
        line = strdup("");
    } else {
        in_readline = 1;
        line = load_status == 0 ? api.readline(prompt) : plain_readline(prompt);
        in_readline = 0;
    }
    sigaction(SIGINT, &previous, NULL);
    return line;
}

void gs_add_history(const char *line) {
    if (load_status == 0) api.add_history(line);
}
int gs_read_history(const char *path) { return load_status == 0 ? api.read_history(path) : -1; }
int gs_write_history(const char *path) { return load_status == 0 ? api.write_history(path) : -1; }

static gs_completion_provider completion_provider = NULL;

static char **complete(const char *text, int start, int end) {
    (void)end;
    *api.attempted_completion_over = 1;
    *api.completion_append_character = '\0';
    if (completion_provider == NULL) return NULL;
    char *before = strndup(*api.line_buffer, (size_t)start + strlen(text));
    char **matches = completion_provider(text, before);
    free(before);
    return matches;
}

void gs_set_completion_provider(gs_completion_provider provider) {
    completion_provider = provider;
    if (load_status != 0) return;
    *api.attempted_completion_function = complete;
    *api.basic_word_break_characters = " \t\n\"\\'><=;+-*/%^~#&|()[]{},";
}
