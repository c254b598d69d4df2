import CShims

/// The texts of `--help` and `--version`.
enum Usage {
    static let version = "0.1.0"

    static var versionLine: String {
        "gluescript \(version) (\(String(cString: gs_lua_release())))"
    }

    static let text = """
        usage: gluescript [options] [script [args]]
        Runs a Lua 5.4 script with the `aws` module, or a REPL with none.

        Lua options, as the stock interpreter has them:
          -e chunk        run the string 'chunk'
          -l mod          require library 'mod' into global 'mod'
          -l g=mod        require library 'mod' into global 'g'
          -i              enter the REPL after running 'script'
          -E              ignore LUA_INIT, LUA_PATH and LUA_CPATH (with or without _5_4)
          -v, --version   show version information
          --              stop handling options
          -               run stdin and stop handling options

        AWS options:
          --region NAME         region for every client (else AWS_REGION, the profile)
          --profile NAME        profile of ~/.aws/config and ~/.aws/credentials
          --endpoint-url URL    send every request to URL (a local emulator, say)
          --debug               log each request and response to stderr, secrets redacted
          --local               run against a local AWS emulator (moto) started for the run
                                and stopped at the end, with throw-away credentials
          --local=URL           use the emulator already running at URL
          --sso-login           sign in to IAM Identity Center for the profile (its
                                sso_session) in a browser, as `aws sso login` does

          -h, --help      show this help

        With no script and a terminal on stdin: the REPL. With no script and stdin not a
        terminal: the program on stdin. Exit codes: 0 success, 1 the script raised an
        error, 2 bad usage, 130 interrupted by Ctrl-C.
        """
}
