namespace EnSakITaget.Bench.National;

/// <summary>A library unit and its staff; its id once the API has created it.</summary>
internal sealed class UnitPlan(string name, string type, int staff)
{
    public string Name { get; } = name;
    public string Type { get; } = type;
    public int Staff { get; } = staff;
    public Guid Id { get; set; }
}

/// <summary>A municipal library organisation: its units, and how many of the country's rounds it runs.</summary>
internal sealed class MunicipalityPlan(string code, string name, IReadOnlyList<UnitPlan> units)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public IReadOnlyList<UnitPlan> Units { get; } = units;
    public int Staff => Units.Sum(u => u.Staff);
    public int Rounds { get; set; }
    public Guid Id { get; set; }
}

/// <summary>A county, and the number of things of the course it runs in all its municipalities.</summary>
internal sealed class CountyPlan(string code, string name, int things, IReadOnlyList<MunicipalityPlan> municipalities)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public int Things { get; } = things;
    public IReadOnlyList<MunicipalityPlan> Municipalities { get; } = municipalities;
    public Guid Id { get; set; }
}

/// <summary>
/// Sweden's 21 counties with their real numbers of municipalities (290 in all), invented
/// municipalities of very different sizes, about 1,300 units and exactly the given staff and
/// rounds. The same seed always draws the same country.
/// </summary>
internal sealed class NationalMap
{
    public const int MinThings = 8;
    public const int MaxThings = 23;

    private const int StaffPerUnit = 30;

    private static readonly (string Code, string Name, int Municipalities)[] Counties =
    [
        ("01", "Stockholms län", 26), ("03", "Uppsala län", 8), ("04", "Södermanlands län", 9), ("05", "Östergötlands län", 13),
        ("06", "Jönköpings län", 13), ("07", "Kronobergs län", 8), ("08", "Kalmar län", 12), ("09", "Gotlands län", 1),
        ("10", "Blekinge län", 5), ("12", "Skåne län", 33), ("13", "Hallands län", 6), ("14", "Västra Götalands län", 49),
        ("17", "Värmlands län", 16), ("18", "Örebro län", 12), ("19", "Västmanlands län", 10), ("20", "Dalarnas län", 15),
        ("21", "Gävleborgs län", 10), ("22", "Västernorrlands län", 7), ("23", "Jämtlands län", 8), ("24", "Västerbottens län", 15),
        ("25", "Norrbottens län", 14),
    ];

    private NationalMap(IReadOnlyList<CountyPlan> counties) => CountyPlans = counties;

    public IReadOnlyList<CountyPlan> CountyPlans { get; }

    public IEnumerable<MunicipalityPlan> Municipalities => CountyPlans.SelectMany(c => c.Municipalities);

    public IEnumerable<UnitPlan> Units => Municipalities.SelectMany(m => m.Units);

    /// <summary>The municipality with the most staff: the matrix's round and the writers' rounds are run there.</summary>
    public MunicipalityPlan Largest => Municipalities.MaxBy(m => m.Staff)!;

    public CountyPlan CountyOf(MunicipalityPlan municipality) => CountyPlans.First(c => c.Municipalities.Contains(municipality));

    public static NationalMap Draw(int staff, int rounds, int seed)
    {
        var random = new Random(seed);
        var municipalityCount = Counties.Sum(c => c.Municipalities);
        // Log-normal sizes: many small municipalities and a few large ones, as in the country.
        var weights = Enumerable.Range(0, municipalityCount).Select(_ => Math.Exp(Gaussian(random))).ToArray();
        // The capital comes first, and is the largest by far.
        weights[0] = 1.5 * weights.Max();
        var staffPerMunicipality = Apportion(staff, weights, minimum: 8);
        var roundsPerMunicipality = Apportion(rounds, [.. staffPerMunicipality.Select(s => (double)s)], minimum: 1);

        var counties = new List<CountyPlan>();
        var next = 0;
        foreach (var (index, (code, name, count)) in Counties.Index())
        {
            var municipalities = new List<MunicipalityPlan>();
            for (var i = 0; i < count; i++, next++)
            {
                var municipalityCode = $"{code}{i + 1:D2}";
                var municipalityName = $"{name.Replace(" län", string.Empty, StringComparison.Ordinal)} kommun {i + 1}";
                municipalities.Add(new MunicipalityPlan(municipalityCode, municipalityName, DrawUnits(municipalityName, staffPerMunicipality[next], random))
                {
                    Rounds = roundsPerMunicipality[next],
                });
            }

            var things = MinThings + (int)Math.Round((double)index * (MaxThings - MinThings) / (Counties.Length - 1));
            counties.Add(new CountyPlan(code, name, things, municipalities));
        }

        return new NationalMap(counties);
    }

    /// <summary>A main library with about two fifths of the staff, branches with the rest, and a bookmobile in the larger ones.</summary>
    private static List<UnitPlan> DrawUnits(string municipality, int staff, Random random)
    {
        var count = Math.Max(1, (int)Math.Round((double)staff / StaffPerUnit) + 1);
        var hasBookmobile = count >= 4;
        var weights = Enumerable.Range(0, count)
            .Select(i => i == 0 ? 0.4 * count : hasBookmobile && i == count - 1 ? 0.1 : 0.5 + random.NextDouble())
            .ToArray();
        var sizes = Apportion(staff, weights, minimum: 1);
        return [.. sizes.Select((size, i) => i switch
        {
            0 => new UnitPlan($"{municipality} huvudbibliotek", "MainLibrary", size),
            _ when hasBookmobile && i == count - 1 => new UnitPlan($"{municipality} bokbuss", "Bookmobile", size),
            _ => new UnitPlan($"{municipality} filial {i}", "Branch", size),
        })];
    }

    /// <summary>Splits a total in proportion to the weights, each share at least the minimum, by largest remainder.</summary>
    private static int[] Apportion(int total, double[] weights, int minimum)
    {
        var spare = total - minimum * weights.Length;
        if (spare < 0)
        {
            throw new BenchSetupException($"cannot give {weights.Length} shares at least {minimum} each out of {total}");
        }

        var sum = weights.Sum();
        var exact = weights.Select(w => spare * w / sum).ToArray();
        var shares = exact.Select(e => minimum + (int)Math.Floor(e)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
