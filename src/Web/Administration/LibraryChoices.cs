using EnSakITaget.Web.Common.Api;

namespace EnSakITaget.Web.Administration;

/// <summary>The nodes of the reader's trees as choices for a select, indented by depth, with their names by id.</summary>
public sealed class LibraryChoices
{
    private readonly Dictionary<Guid, string> names = [];

    public List<(Guid Id, string Label)> Options { get; } = [];

    public string NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : string.Empty;

    public static async Task<LibraryChoices> LoadAsync(ApiClient api, MeDto? me)
    {
        var rootIds = CountyAccess.AdministeredLibraries(me).ToList();
        if (CountyAccess.AdministersEverything(me))
        {
            var counties = await api.ListLibrariesAsync(type: LibraryNodeType.County, pageSize: 100);
            rootIds = [.. (counties.Items ?? []).Select(c => c.Id!.Value).Union(rootIds)];
        }

        var choices = new LibraryChoices();
        foreach (var id in rootIds)
        {
            choices.Add(await api.GetLibraryTreeAsync(id), 0);
        }

        return choices;
    }

    private void Add(LibraryTreeDto node, int depth)
    {
        names[node.Id!.Value] = node.Name;
        Options.Add((node.Id!.Value, new string('\u00a0', depth * 3) + node.Name));
        foreach (var child in node.Children ?? [])
        {
            Add(child, depth + 1);
        }
    }
}
