using EnSakITaget.Api.IntegrationTests.Common;

namespace EnSakITaget.Api.IntegrationTests.Messaging;

/// <summary>The API on PostgreSQL, sending its mail over SMTP to a server in the test process.</summary>
public sealed class MailApiFactory : ApiFactory
{
    public MailApiFactory()
        : this(new TestSmtpServer())
    {
    }

    private MailApiFactory(TestSmtpServer smtp, IReadOnlyDictionary<string, string>? extra = null)
        : base(new Dictionary<string, string>(SettingsFor(smtp).Concat(extra ?? new Dictionary<string, string>())))
    {
        Smtp = smtp;
    }

    /// <summary>An instance of its own, on its own database and mail server, with these settings besides.</summary>
    public static MailApiFactory With(IReadOnlyDictionary<string, string> settings) => new(new TestSmtpServer(), settings);

    private MailApiFactory(TestSmtpServer smtp, ApiFactory first)
        : base(SettingsFor(smtp), first.Database)
    {
        Smtp = smtp;
        isSecond = true;
    }

    private readonly bool isSecond;

    public TestSmtpServer Smtp { get; }

    /// <summary>A second instance on the same database, sending to the same mail server.</summary>
    public ApiFactory SecondInstance() => new MailApiFactory(Smtp, this);

    public override async Task InitializeAsync()
    {
        if (!isSecond)
        {
            Smtp.Start();
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!isSecond)
        {
            await Smtp.StopAsync();
        }
    }

    public static Dictionary<string, string> SettingsFor(TestSmtpServer smtp) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "5",
        ["Email:From"] = "En sak i taget <noreply@jonkoping.example.se>",
        ["App:PublicUrl"] = "https://ensakitaget.example.se",
    };
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailApiFactory>
{
    public const string Name = "API on PostgreSQL with a mail server";
}

/// <summary>As <see cref="ApiTest"/>, with the mail server's inbox emptied before each test.</summary>
[Collection(MailCollection.Name)]
public abstract class MailTest(MailApiFactory factory) : ApiTest(factory), IAsyncLifetime
{
    protected TestSmtpServer Smtp => factory.Smtp;

    protected new MailApiFactory Factory => factory;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Smtp.Clear();
    }
}
