using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace RiskPlatform.Web.ComponentTests.Support;

internal static class RenderedPageExtensions
{
    /// <summary>The one button whose text is exactly <paramref name="text"/>, as a person picks it by its label.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent =>
        Assert.Single(cut.FindAll("button"), button => button.TextContent.Trim() == text);

    /// <summary>Whether a button with exactly this text is on the page.</summary>
    public static bool HasButton<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent =>
        cut.FindAll("button").Any(button => button.TextContent.Trim() == text);

    /// <summary>The element's text as a person reads it: runs of white space (the markup's line breaks) as one space.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
