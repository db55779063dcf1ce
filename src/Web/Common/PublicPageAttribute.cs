namespace EnSakITaget.Web.Common;

/// <summary>A page anyone may open; every other page asks the reader to sign in first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageAttribute : Attribute;
