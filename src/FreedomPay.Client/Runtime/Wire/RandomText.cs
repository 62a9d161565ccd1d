using System.Security.Cryptography;

namespace FreedomPay.Runtime
{
    /// <summary>Cryptographically random strings of Latin letters and digits (pg_salt, multipart boundaries).</summary>
    internal static class RandomText
    {
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

#if !NET8_0_OR_GREATER
        private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();
#endif

        public static string Create(int length)
        {
#if NET8_0_OR_GREATER
            return RandomNumberGenerator.GetString(Alphabet, length);
#else
            var chars = new char[length];
            var buffer = new byte[1];
            for (int i = 0; i < length; i++)
            {
                // Reject bytes past the largest multiple of 62 so every character is equally likely.
                do
                {
                    lock (Generator)
                    {
                        Generator.GetBytes(buffer);
                    }
                }
                while (buffer[0] >= 248);

                chars[i] = Alphabet[buffer[0] % Alphabet.Length];
            }

            return new string(chars);
#endif
        }
    }
}
