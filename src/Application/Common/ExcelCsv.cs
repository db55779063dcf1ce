using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EnSakITaget.Application.Common;

/// <summary>Rows as CSV with a header row of their property names, UTF-8 with a byte order mark so that Excel reads å, ä and ö.</summary>
public static class ExcelCsv
{
    public const string ContentType = "text/csv";

    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header,
        }))
        {
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = ["O"];
            csv.WriteHeader<T>();
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
