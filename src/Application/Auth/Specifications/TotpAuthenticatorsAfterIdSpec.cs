using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>The next <paramref name="take"/> TOTP authenticators of every user after <paramref name="after"/>, in id order (a keyset page, for the reseal).</summary>
public sealed class TotpAuthenticatorsAfterIdSpec : Specification<TotpAuthenticator>
{
    public TotpAuthenticatorsAfterIdSpec(Guid? after, int take)
    {
        if (after is { } id)
        {
            Query.Where(a => a.Id.CompareTo(id) > 0);
        }

        Query.OrderBy(a => a.Id).Take(take);
    }
}
