using System.Globalization;
using Npgsql;

namespace EnSakITaget.Bench;

/// <summary>What to measure, and where: only ever an API and a database on 127.0.0.1.</summary>
internal sealed record BenchOptions(
    Uri ApiUrl,
    string ConnectionString,
    string AdminEmail,
    string AdminPassword,
    int Rows,
    int Repeat,
    TimeSpan TimeBound,
    IReadOnlySet<string> Scenarios,
    int MatrixParticipants = 350,
    int MatrixThings = 130,
    int MatrixRequests = 30,
    int Workers = 8,
    int MeasureSeconds = 15,
    int? ApiProcessId = null,
    int? SmtpPort = null)
{
    /// <summary>What runs without --only: the scenarios that take a minute or two.</summary>
    public static readonly string[] DefaultScenarios = ["import", "matrix"];

    /// <summary>What --only takes: national (and dashboard, on the same data) seeds a whole country and takes several minutes, so it runs only when asked for; web and dashboard need Debian's Chromium; drain needs the API pointed at its mail server.</summary>
    public static readonly string[] AllScenarios = [.. DefaultScenarios, "national", "web", "dashboard", "drain"];

    public const string Usage = """
        usage: EnSakITaget.Bench --url http://127.0.0.1:PORT [--only import|matrix|national|web|dashboard|drain] [--rows N] [--repeat R]
                                 [--participants P] [--things T] [--requests Q] [--workers W] [--seconds S]
                                 [--timeout-minutes M]
          --url              the API, on 127.0.0.1 only
          --only S           run one scenario (given twice, both): import (the roster CSV), matrix (the progress matrix) or national
                             (a whole country seeded, then measured under load: minutes) or web (the web app in
                             headless Chromium: cold load, sign-in, the matrix drawn), dashboard (the national data
                             seeded, then the county statistics dashboard drawn in Chromium) or drain (release notices
                             to 1,500 and 30,000 drained to a mail server on 127.0.0.1); default import and matrix
          --rows N           rows in the roster file (default 10000, at most 100000: the API takes 10 MB)
          --repeat R         measurements per import operation; the median is reported (default 3)
          --participants P   participants in the matrix's round (default 350, at most 1000)
          --things T         things in the matrix's round (default 130, at most 200)
          --requests Q       measured matrix requests, and as many plain SQL queries (default 30, at most 500)
          --workers W        national: concurrent workers per measured operation (default 8, at most 64)
          --seconds S        national: measured seconds per operation, after a short warm-up (default 15, at most 60)
          --timeout-minutes  the whole run is abandoned after this long (default 10, at most 14)
        environment:
          BENCH_POSTGRES        Npgsql connection string of the API's database, host 127.0.0.1
          BENCH_ADMIN_EMAIL     an Administrator's e-mail
          BENCH_ADMIN_PASSWORD  and password
          BENCH_API_PID         optional: the API's process id, for its peak memory (national)
          BENCH_SMTP_PORT       drain: the 127.0.0.1 port the API sends to, where the client's mail server listens
        bench/run.sh sets all of these.
        """;

    public static BenchOptions Parse(string[] args)
    {
        string? url = null;
        var rows = 10_000;
        var repeat = 3;
        var timeoutMinutes = 10.0;
        var scenarios = new HashSet<string>(DefaultScenarios);
        var onlyGiven = false;
        var (participants, things, requests, workers, seconds) = (350, 130, 30, 8, 15);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new BenchSetupException($"{name} needs a value");
            switch (name)
            {
                case "--url":
                    url = Value();
                    break;
                case "--rows":
                    rows = PositiveInt(name, Value(), max: 100_000);
                    break;
                case "--repeat":
                    repeat = PositiveInt(name, Value(), max: 100);
                    break;
                case "--only":
                    // Given twice (--only web --only dashboard), both run against one published API.
                    var scenario = Value();
                    if (!AllScenarios.Contains(scenario))
                    {
                        throw new BenchSetupException($"--only takes {string.Join(" or ", AllScenarios)}, not '{scenario}'");
                    }

                    scenarios = onlyGiven ? [.. scenarios, scenario] : [scenario];
                    onlyGiven = true;
                    break;
                case "--participants":
                    participants = PositiveInt(name, Value(), max: 1000);
                    break;
                case "--things":
                    things = PositiveInt(name, Value(), max: 200);
                    break;
                case "--requests":
                    requests = PositiveInt(name, Value(), max: 500);
                    break;
                case "--workers":
                    workers = PositiveInt(name, Value(), max: 64);
                    break;
                case "--seconds":
                    seconds = PositiveInt(name, Value(), max: 60);
                    break;
                case "--timeout-minutes":
                    // An access token lasts 15 minutes: the short scenarios sign in once, national once per phase.
                    timeoutMinutes = PositiveInt(name, Value(), max: 14);
                    break;
                default:
                    throw new BenchSetupException($"unknown option {name}\n{Usage}");
            }
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var apiUrl) || apiUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new BenchSetupException($"--url http://127.0.0.1:PORT is required\n{Usage}");
        }

        if (apiUrl.Host != "127.0.0.1")
        {
            throw new BenchSetupException($"the API must be on 127.0.0.1, not {apiUrl.Host}");
        }

        var connectionString = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new BenchSetupException("BENCH_POSTGRES (the database's connection string) is not set");
        }

        var host = new NpgsqlConnectionStringBuilder(connectionString).Host;
        if (host != "127.0.0.1")
        {
            throw new BenchSetupException($"the database must be on 127.0.0.1, not {host}");
        }

        return new BenchOptions(
            apiUrl,
            connectionString,
            Required("BENCH_ADMIN_EMAIL"),
            Required("BENCH_ADMIN_PASSWORD"),
            rows,
            repeat,
            TimeSpan.FromMinutes(timeoutMinutes),
            scenarios,
            participants,
            things,
            requests,
            workers,
            seconds,
            OptionalProcessId("BENCH_API_PID"),
            OptionalPort("BENCH_SMTP_PORT"));
    }

    private static int PositiveInt(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max
            ? number
            : throw new BenchSetupException($"{name} must be a whole number from 1 to {max}, not '{value}'");

    private static int? OptionalProcessId(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw new BenchSetupException($"{variable} must be a process id, not '{value}'")
            : null;

    private static int? OptionalPort(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65_536
                ? port
                : throw new BenchSetupException($"{variable} must be a port, not '{value}'")
            : null;

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new BenchSetupException($"{variable} is not set");
}

/// <summary>The run could not get as far as measuring: a message for the person running it, no stack trace.</summary>
internal sealed class BenchSetupException(string message) : Exception(message);
