#!/usr/bin/env python3
"""An independent implementation of FreedomPay's reference pg_sig rule, to print the vectors that
FlatSignatureVectorTests.cs pins. Written from the rule as ../shared/reference/freedompay-merchant-api.md §11
describes the public PHP signature class (make / makeFlatParamsArray / makeXML / makeFlatParamsXML):

- a form is read the way PHP reads it: `a[k1][k2]=v` becomes nested ordered maps, a group in the order its first
  field came, values in the order sent;
- every value gets a flat name: parent's flat name + key + its 1-based position among its siblings as %03d
  (pg_sig is counted, then skipped, at any depth);
- values are sorted by flat name (byte order) and joined as script;values...;secret, MD5 lowercase hex;
- XML is flattened once more before that (the XML variant feeds its flat list to the form variant).

Run: python3 reference_signature.py   (no dependencies)
"""
import hashlib
import re


def read_form(fields):
    """PHP-style: names with brackets become nested dicts (insertion-ordered)."""
    root = {}
    for name, value in fields:
        m = re.fullmatch(r"([^\[\]]+)((?:\[[^\[\]]*\])+)", name)
        keys = [name] if m is None else [m.group(1)] + re.findall(r"\[([^\[\]]*)\]", m.group(2))
        node = root
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return root


def flat(params, parent=""):
    out = {}
    for i, (key, value) in enumerate(params.items(), start=1):
        if key == "pg_sig":
            continue
        name = "%s%s%03d" % (parent, key, i)
        if isinstance(value, dict):
            out.update(flat(value, name))
        else:
            out.setdefault(name, value)
    return out


def md5_of(script, flat_params, secret):
    values = [flat_params[k] for k in sorted(flat_params, key=lambda k: k.encode("utf-8"))]
    return hashlib.md5(";".join([script] + values + [secret]).encode("utf-8")).hexdigest()


def sign_form(script, fields, secret):
    return md5_of(script, flat(read_form(fields)), secret)


def sign_xml(script, element_children, secret):
    """element_children: list of (name, text or list of children) in document order."""
    def as_dict(children):
        # Repeated names in XML are distinct nodes: keep them apart with their position (flat() adds its own).
        d = {}
        for index, (name, value) in enumerate(children):
            d[(name, index)] = as_dict(value) if isinstance(value, list) else value
        return d

    def flat_xml(params, parent=""):
        out = {}
        for i, ((key, _), value) in enumerate(params.items(), start=1):
            if key == "pg_sig":
                continue
            name = "%s%s%03d" % (parent, key, i)
            if isinstance(value, dict):
                out.update(flat_xml(value, name))
            else:
                out.setdefault(name, value)
        return out

    return md5_of(script, flat(flat_xml(as_dict(element_children))), secret)


def receipt(items):
    fields = []
    for i, (count, name, tax, price) in enumerate(items):
        fields += [("pg_receipt_positions[%d][count]" % i, count), ("pg_receipt_positions[%d][name]" % i, name),
                   ("pg_receipt_positions[%d][tax_type]" % i, tax), ("pg_receipt_positions[%d][price]" % i, price)]
    return fields


VECTORS = {
    "flat_docs_example": ("init_payment.php", [("pg_order_id", "23"), ("pg_merchant_id", "12345"), ("pg_amount", "25"),
                                               ("pg_description", "test"), ("pg_salt", "molbulak")], "secretkey"),
    "prefix_order_order0": ("s", [("pg_merchant_id", "1"), ("order", "X"), ("order0", "Y"), ("pg_salt", "z")], "K"),
    "prefix_order_order_dash": ("s", [("order", "X"), ("order-x", "Y"), ("order.y", "W"), ("pg_salt", "z")], "K"),
    "receipt_two_items": ("cancel.php", [("pg_merchant_id", "12345"), ("pg_payment_id", "777")]
                          + receipt([("2", "Mouse pad", "0", "750"), ("1", "Cable", "3", "1000.50")])
                          + [("pg_salt", "salt1")], "SECRET"),
    "receipt_twelve_items": ("init_payment.php", [("pg_merchant_id", "12345"), ("pg_amount", "78"),
                                                  ("pg_description", "Twelve")]
                             + receipt([("1", "Item %d" % i, "0", str(i + 1)) for i in range(12)])
                             + [("pg_salt", "s12")], "SECRET"),
    "nested_prefix_keys": ("payment", [("pg_merchant_id", "5"), ("pg_exchange_params[order]", "A"),
                                       ("pg_exchange_params[order0]", "B"), ("pg_exchange_params[order-x]", "C"),
                                       ("pg_salt", "n")], "K"),
}

XML_VECTORS = {
    "xml_refund_list": ("get_status3.php", [
        ("pg_status", "ok"), ("pg_payment_id", "1001"), ("pg_amount", "1500"),
        ("pg_refund_payments", [
            ("pg_refund_payment", [("pg_payment_id", "2001"), ("pg_payment_status", "success"), ("pg_amount", "-500")]),
            ("pg_refund_payment", [("pg_payment_id", "2002"), ("pg_payment_status", "success"), ("pg_amount", "-250")]),
        ]),
        ("pg_salt", "x1"), ("pg_sig", "ignored")], "SECRET"),
    # "a" (1st) and "a0010" (2nd): flattened once "a001" < "a0010002"; flattened twice "a001001" > "a0010002002".
    "xml_flattened_twice": ("s", [("a", "first"), ("a0010", "second"), ("pg_salt", "q")], "K"),
}

if __name__ == "__main__":
    for name, (script, fields, secret) in VECTORS.items():
        print("%-26s %s" % (name, sign_form(script, fields, secret)))
    for name, (script, children, secret) in XML_VECTORS.items():
        print("%-26s %s" % (name, sign_xml(script, children, secret)))
