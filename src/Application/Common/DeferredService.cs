using Microsoft.Extensions.DependencyInjection;

namespace EnSakITaget.Application.Common;

/// <summary>
/// <c>Lazy&lt;T&gt;</c> from the container: a service resolved only when first used. For what
/// runs on every request but needs the database only now and then (who the caller is, the
/// data's revision), so that most requests never open a database context at all.
/// </summary>
internal sealed class DeferredService<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>)
    where T : notnull;
