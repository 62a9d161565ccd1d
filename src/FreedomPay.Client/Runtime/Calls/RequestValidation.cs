using System;
using System.Collections.Generic;
using System.Globalization;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Checks a request's values against the rules of its <see cref="RequestFieldTable"/> and notes the payment id
    /// on the way (for logs and traces). Messages name the field by wire and C# name and state the rule; they never
    /// repeat text values, which may be codes or phone numbers.
    /// </summary>
    internal struct RequestValidation : IFieldVisitor
    {
        private readonly RequestFieldTable _table;
        private List<FieldError>? _errors;

        /// <summary>Which fields were given: kept only when the table has groups to check.</summary>
        private readonly bool[]? _given;

        /// <summary>The text of each field, kept only when a card expiry must be checked against the clock.</summary>
        private readonly string?[]? _texts;

        /// <summary>An item's place in its request (<c>pg_receipt_positions[0]</c>, <c>ReceiptPositions[0]</c>); null at the top.</summary>
        private readonly string? _wirePrefix;
        private readonly string? _memberPrefix;

        public RequestValidation(RequestFieldTable table, string? wirePrefix = null, string? memberPrefix = null)
        {
            _table = table;
            _errors = null;
            PaymentId = null;
            _given = table.GroupIndexes.Length > 0 ? new bool[table.Count] : null;
            _texts = table.HasCardExpiry ? new string?[table.Count] : null;
            _wirePrefix = wirePrefix;
            _memberPrefix = memberPrefix;
        }

        /// <summary>The value of the field with the payment-id role, as sent; null when there is none.</summary>
        public string? PaymentId { get; private set; }

        /// <summary>The violations found.</summary>
        public IReadOnlyList<FieldError> Errors => (IReadOnlyList<FieldError>?)_errors ?? Array.Empty<FieldError>();

        /// <summary>Validates a request.</summary>
        public static RequestValidation Of<TRequest>(TRequest request)
            where TRequest : FreedomPayRequest
        {
            var validation = new RequestValidation(request.RuntimeFields);
            request.Visit(ref validation);
            validation.CheckGroups();
            return validation;
        }

        /// <summary>Throws one exception listing every violation, if there are any.</summary>
        public readonly void ThrowIfInvalid(string operation)
        {
            if (_errors is not null)
            {
                throw new FreedomPayValidationException(operation, _errors);
            }
        }

        public void Text(int field, string? value)
        {
            RequestField f = _table[field];
            if (string.IsNullOrEmpty(value))
            {
                if (f.Required)
                {
                    Add(f, "is required and must not be empty");
                }

                return;
            }

            NoteGiven(field);

            int length = value!.Length;
            if (f.MinLength is { } min && length < min)
            {
                Add(f, $"must be at least {min} characters long, but has {length}");
            }

            if (f.MaxLength is { } max && length > max)
            {
                Add(f, $"must be at most {max} characters long, but has {length}");
            }

            if (f.PatternRegex is { } pattern && !pattern.IsMatch(value))
            {
                Add(f, $"must match the pattern {f.Pattern}");
            }

            if (f.Check == FieldCheck.Luhn)
            {
                CheckCardNumber(f, value);
            }

            if (_texts is not null)
            {
                _texts[field] = value;
            }

            NotePaymentId(field, value);
        }

        public void Integer(int field, long? value)
        {
            if (Present(field, value.HasValue))
            {
                Range(field, value!.Value);
                if (field == _table.PaymentIdIndex)
                {
                    PaymentId = value.Value.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        public void Decimal(int field, decimal? value)
        {
            if (Present(field, value.HasValue))
            {
                Range(field, value!.Value);
                RequestField f = _table[field];
                if (f.Scale is { } scale && decimal.Round(value.Value, scale) != value.Value)
                {
                    // 1.005 tenge would be rounded somewhere: refused before sending, never silently.
                    Add(f, $"must have at most {scale} decimal places, but is {value.Value.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        public void Boolean(int field, bool? value) => Present(field, value.HasValue);

        public void DateTime(int field, DateTime? value) => Present(field, value.HasValue);

        public void DateTimeOffset(int field, DateTimeOffset? value) => Present(field, value.HasValue);

        /// <summary>The most merchant parameters one request may carry.</summary>
        public const int MaxExtraFields = 64;

        /// <summary>
        /// Names that start with a letter and go on with letters, digits, '_' or '-'; not <c>pg_</c> (the gateway's),
        /// no clash with a described field. A PHP-style form reader (the reference gateway code) turns '.' into '_'
        /// and reads an all-digit name as a number, either of which changes what the gateway signs; '[' nests.
        /// </summary>
        public void Extra(IReadOnlyDictionary<string, string>? values)
        {
            if (values is null)
            {
                return;
            }

            if (values.Count > MaxExtraFields)
            {
                (_errors ??= new List<FieldError>()).Add(new FieldError("(extra)", "ExtraParams", $"must have at most {MaxExtraFields} entries, but has {values.Count}"));
                return;
            }

            foreach (KeyValuePair<string, string> pair in values)
            {
                string? problem = pair.Key is not { Length: > 0 and <= 64 } name ? "must be a name of 1 to 64 characters"
                    : !IsNameText(name) ? "must start with a letter and go on with letters, digits, '_' and '-' only"
                    : name.StartsWith(PgSignature.GatewayPrefix, StringComparison.OrdinalIgnoreCase) ? $"must not start with {PgSignature.GatewayPrefix} (those names are the gateway's)"
                    : _table.Contains(name) ? "is a field the spec describes: set its property instead"
                    : pair.Value is null ? "has no value"
                    : null;
                if (problem is not null)
                {
                    (_errors ??= new List<FieldError>()).Add(new FieldError(pair.Key ?? string.Empty, "ExtraParams", problem));
                }
            }
        }

        private static bool IsNameText(string name)
        {
            if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Required lists need an item; each item is checked by its own table, errors named by their place.</summary>
        public void List(int field, IReadOnlyList<FreedomPayRequestPart?>? items)
        {
            RequestField f = _table[field];
            if (items is null || items.Count == 0)
            {
                if (f.Required)
                {
                    Add(f, "is required and must have at least one item");
                }

                return;
            }

            NoteGiven(field);
            if (f.MaxItems is { } max && items.Count > max)
            {
                Add(f, $"must have at most {max} items, but has {items.Count}");
                return;
            }

            string wire = Wire(f);
            string member = Member(f);
            for (int i = 0; i < items.Count; i++)
            {
                Nested(items[i], FormNames.Item(wire, i), FormNames.Item(member, i));
            }
        }

        public void Object(int field, FreedomPayRequestPart? value)
        {
            if (Present(field, value is not null))
            {
                Nested(value, Wire(_table[field]), Member(_table[field]));
            }
        }

        private void Nested(FreedomPayRequestPart? part, string wire, string member)
        {
            if (part is null)
            {
                (_errors ??= new List<FieldError>()).Add(new FieldError(wire, member, "is null; every item must be given"));
                return;
            }

            var nested = new RequestValidation(part.RuntimeFields, wire, member);
            part.Visit(ref nested);
            nested.CheckGroups();
            if (nested._errors is not null)
            {
                (_errors ??= new List<FieldError>()).AddRange(nested._errors);
            }
        }

        public void Enum(int field, int? value)
        {
            if (Present(field, value.HasValue))
            {
                RequestField f = _table[field];
                if (WireEnum.Value(f.AllowedValues, value!.Value) is null)
                {
                    Add(f, "must be one of the defined values (" + string.Join(", ", f.AllowedValues) + ")");
                }
            }
        }

        private bool Present(int field, bool hasValue)
        {
            if (!hasValue && _table[field].Required)
            {
                Add(_table[field], "is required");
            }

            if (hasValue)
            {
                NoteGiven(field);
            }

            return hasValue;
        }

        private readonly void NoteGiven(int field)
        {
            if (_given is not null)
            {
                _given[field] = true;
            }
        }

        /// <summary>A card number with a typing mistake fails its check digit: refused here, never sent (and never repeated).</summary>
        private void CheckCardNumber(RequestField f, string value)
        {
            if (!CardChecks.IsDigits(value))
            {
                Add(f, "must be a card number of digits only (no spaces or dashes)");
            }
            else if (!CardChecks.HasLuhnCheckDigit(value))
            {
                Add(f, "is not a valid card number: its check digit (Luhn) is wrong");
            }
        }

        /// <summary>An expiry in the past fails at the issuer anyway; refused before the card data leaves the process.</summary>
        private void CheckExpiry(int[] fields)
        {
            if (_texts![fields[0]] is not { } month || _texts[fields[1]] is not { } year)
            {
                return; // a missing month or year is the fields' own 'required' rule
            }

            if (CardChecks.ReadExpiry(month, year) is not { } expiry)
            {
                AddGroup(fields, "must be a card expiry: month 1-12 and a year of 2 or 4 digits");
            }
            else if (CardChecks.HasExpired(expiry.Year, expiry.Month, System.DateTime.UtcNow))
            {
                AddGroup(fields, "must not be in the past: the card has expired");
            }
        }

        /// <summary>Each broken group is one error that names the group: its fields by wire and C# name.</summary>
        private void CheckGroups()
        {
            if (_given is null)
            {
                return;
            }

            int[][] groups = _table.GroupIndexes;
            for (int g = 0; g < groups.Length; g++)
            {
                int[] fields = groups[g];
                if (_table.Groups[g].Kind == FieldGroupKind.CardExpiry)
                {
                    CheckExpiry(fields);
                }
                else if (_table.Groups[g].Kind == FieldGroupKind.OneOf)
                {
                    int given = 0;
                    foreach (int field in fields)
                    {
                        given += _given[field] ? 1 : 0;
                    }

                    if (given != 1)
                    {
                        AddGroup(fields, given == 0 ? "exactly one must be given, but none was" : $"exactly one must be given, but {given} were");
                    }
                }
                else if (!_given[fields[0]])
                {
                    bool excused = false;
                    for (int i = 1; i < fields.Length; i++)
                    {
                        excused |= _given[fields[i]];
                    }

                    if (!excused)
                    {
                        RequestField f = _table[fields[0]];
                        var unless = new string[fields.Length - 1];
                        for (int i = 1; i < fields.Length; i++)
                        {
                            unless[i - 1] = _table[fields[i]].WireName + " (" + _table[fields[i]].MemberName + ")";
                        }

                        Add(f, "is required unless " + string.Join(" or ", unless) + " is given");
                    }
                }
            }
        }

        private void AddGroup(int[] fields, string rule)
        {
            var wire = new string[fields.Length];
            var member = new string[fields.Length];
            for (int i = 0; i < fields.Length; i++)
            {
                wire[i] = Wire(_table[fields[i]]);
                member[i] = Member(_table[fields[i]]);
            }

            (_errors ??= new List<FieldError>()).Add(new FieldError(string.Join(" or ", wire), string.Join(" or ", member), rule));
        }

        private void Range(int field, decimal value)
        {
            RequestField f = _table[field];
            if ((f.Min is { } min && value < min) || (f.Max is { } max && value > max))
            {
                Add(f, Bounds(f.Min, f.Max) + ", but is " + value.ToString(CultureInfo.InvariantCulture));
            }
        }

        private void NotePaymentId(int field, string value)
        {
            if (field == _table.PaymentIdIndex)
            {
                PaymentId = value;
            }
        }

        private void Add(RequestField field, string rule) =>
            (_errors ??= new List<FieldError>()).Add(new FieldError(Wire(field), Member(field), rule));

        /// <summary>The field's form name where it is sent: <c>pg_receipt_positions[0][price]</c> inside an item.</summary>
        private readonly string Wire(RequestField field) => FormNames.Child(_wirePrefix, field.WireName);

        /// <summary>The field's C# path: <c>ReceiptPositions[0].Price</c> inside an item.</summary>
        private readonly string Member(RequestField field) => _memberPrefix is null ? field.MemberName : _memberPrefix + "." + field.MemberName;

        private static string Bounds(decimal? min, decimal? max) =>
            min is null ? $"must be at most {Invariant(max)}" : max is null ? $"must be at least {Invariant(min)}" : $"must be between {Invariant(min)} and {Invariant(max)}";

        private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
