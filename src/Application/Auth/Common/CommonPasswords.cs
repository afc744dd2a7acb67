namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// Passwords of eight or more characters that top the published breach-frequency lists (shorter ones fail the length rule anyway).
/// Compared case-insensitively.
/// </summary>
internal static class CommonPasswords
{
    private static readonly HashSet<string> Passwords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "password!", "passw0rd", "p@ssw0rd", "p@ssword",
        "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "11111111", "00000000", "88888888",
        "12341234", "11223344", "123123123", "987654321", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "q1w2e3r4", "zaq12wsx",
        "qwertyuiop", "qwerty123", "qwerty12", "qwerty1234", "qwertyui", "asdfghjkl", "asdfasdf", "zxcvbnm1", "1234qwer",
        "abcd1234", "abc12345", "abcdefgh", "iloveyou", "iloveyou1", "sunshine", "princess", "football", "baseball",
        "welcome1", "welcome123", "superman", "trustno1", "starwars", "whatever", "letmein1", "letmein123", "changeme",
        "administrator", "admin123", "admin1234", "passport", "computer", "corvette", "mercedes", "michelle", "jennifer",
        "jordan23", "liverpool", "chelsea1", "arsenal1", "mustang1", "shadow12", "master12", "matrix123", "dragon12",
        "monkey123", "pokemon1", "samsung1", "internet", "blink182", "freedom1", "charlie1", "nicole12", "basketball",
        "hunter22", "access14", "qazwsxedc", "google123", "default1", "secret123", "test1234", "testtest", "spiderman",
        "batman123", "pa55word", "pa$$word", "qwer1234", "aa123456", "a1234567", "a12345678", "q1w2e3r4t5", "1111111111",
        "123qweasd", "qweasdzxc", "target123", "tinkerbell", "butterfly", "chocolate", "cookie123", "summer2024", "summer2025",
        "winter2024", "winter2025", "spring2025", "autumn2025", "trading123", "stocks123", "money123", "bitcoin1", "letmein!",
    };

    public static bool Contains(string password) => Passwords.Contains(password);
}
