using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Input that LinkedIn would reject (or silently damage), caught before sending, or a 400 from LinkedIn.</summary>
    public sealed class LinkedInValidationException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInValidationException(string field, string message, Exception? inner = null)
            : this(field, message, null, inner)
        {
        }

        /// <summary>Creates the exception for a field given through several inputs, naming the one at fault.</summary>
        public LinkedInValidationException(string field, string message, string? input, Exception? inner = null)
            : base(message, inner)
        {
            Field = field;
            Input = input;
        }

        /// <summary>The field at fault, in the user's terms (e.g. <c>Commentary</c>, <c>Author</c>); it names the ErrorId.</summary>
        public string Field { get; }

        /// <summary>
        /// The parameter (and CSV column) whose value is at fault, where the field is made of several (an article's
        /// <c>ArticleUrl</c>, <c>ArticleTitle</c>, <c>ArticleDescription</c>); null when the field says it.
        /// </summary>
        public string? Input { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInInvalid" + Field;
    }
}
