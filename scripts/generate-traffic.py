#!/usr/bin/env python3
"""Writes examples/traffic.jsonl: synthetic checkouts for `regionc diff --traffic`.

Deterministic (its own xorshift generator, no `random`), so the file and the README's
walk-through reproduce byte for byte: `python3 scripts/generate-traffic.py > examples/traffic.jsonl`.
`python3 scripts/generate-traffic.py 1000000 > /tmp/traffic-1m.jsonl` writes the benchmark's million.

A week of checkouts (2026-12-01 to 2026-12-08 UTC) across the ten shipped regions plus a few
unknown ones, shaped so the shipped config declines some of every kind: UNKNOWN_REGION,
REGION_NOT_LIVE (planned regions, Thailand before its start), BLACKOUT (the US ledger
migration on 2026-12-06), NOT_IN_ROLLOUT (pilots, deny lists), METHOD_NOT_OFFERED,
CURRENCY_NOT_SUPPORTED, AMOUNT_BELOW_MIN and AMOUNT_ABOVE_MAX.
"""
import json
import sys

COUNT = 5000
START = 1_796_083_200  # 2026-12-01T00:00:00Z
SPAN = 7 * 86_400


class Xorshift:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        self.state = x
        return x

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]

    def weighted(self, pairs):
        total = sum(weight for _, weight in pairs)
        roll = self.below(total)
        for item, weight in pairs:
            if roll < weight:
                return item
            roll -= weight
        return pairs[-1][0]


# region: (weight, merchant id base, merchants, [(method, weight)], [(currency, weight, minor units, typical major)])
REGIONS = {
    "US": (36, 5000, 400, [("ALIPAY_CN", 95), ("ALIPAY_HK", 3), ("GCASH", 2)],
           [("USD", 97, 2, 80), ("HKD", 3, 2, 600)]),
    "HK": (20, 1000, 240, [("ALIPAY_CN", 85), ("ALIPAY_HK", 15)],
           [("HKD", 80, 2, 500), ("USD", 18, 2, 70), ("CNY", 2, 2, 400)]),
    "KR": (10, 2000, 200, [("ALIPAY_CN", 50), ("KAKAOPAY", 30), ("NAVERPAY", 15), ("TOSSPAY", 5)],
           [("KRW", 100, 0, 60000)]),
    "MY": (8, 3000, 150, [("ALIPAY_CN", 80), ("TNG_EWALLET", 20)], [("MYR", 100, 2, 250)]),
    "TH": (5, 4000, 120, [("ALIPAY_CN", 60), ("TRUEMONEY", 40)], [("THB", 90, 2, 1500), ("USD", 10, 2, 60)]),
    "IN": (4, 6000, 80, [("ALIPAY_CN", 50), ("PAYTM", 50)], [("INR", 100, 2, 4000)]),
    "ID": (4, 6100, 80, [("ALIPAY_CN", 50), ("DANA", 50)], [("IDR", 100, 2, 750000)]),
    "PH": (4, 6200, 80, [("ALIPAY_CN", 50), ("GCASH", 50)], [("PHP", 100, 2, 2500)]),
    "PK": (3, 6300, 60, [("ALIPAY_CN", 40), ("EASYPAISA", 30), ("JAZZCASH", 30)], [("PKR", 100, 2, 12000)]),
    "BD": (3, 6400, 60, [("ALIPAY_CN", 50), ("BKASH", 50)], [("BDT", 100, 2, 5000)]),
    "SG": (2, 7000, 30, [("ALIPAY_CN", 100)], [("SGD", 100, 2, 90)]),
    "CN": (1, 7100, 20, [("ALIPAY_CN", 100)], [("CNY", 100, 2, 300)]),
}
# Ids the shipped descriptors name: launch partners (allow) and merchants under review (deny).
NAMED = {"HK": ["shop_1001", "shop_1002", "shop_6660"], "KR": ["shop_2001", "shop_2002", "shop_2003", "shop_2666"],
         "MY": ["shop_3001", "shop_3666", "shop_3667"], "TH": ["shop_4001", "shop_4002"]}


def amount(rng, minor_units, typical):
    # Mostly around the typical amount, some tiny and some very large ones (the limits' edges).
    shape = rng.below(100)
    if shape < 3:
        major = typical / 2000
    elif shape < 6:
        major = typical * 200
    else:
        major = typical * (0.1 + rng.below(3000) / 1000)
    minor = max(1, int(major * 10 ** minor_units))
    text = str(minor).rjust(minor_units + 1, "0")
    return f"{text[:-minor_units]}.{text[-minor_units:]}" if minor_units else text


def main():
    rng = Xorshift(0x5EED_2026_1201)
    regions = [(code, spec[0]) for code, spec in REGIONS.items()]
    out = sys.stdout
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    for _ in range(count):
        region = rng.weighted(regions)
        _, base, merchants, methods, currencies = REGIONS[region]
        if region in NAMED and rng.below(100) < 8:
            merchant = rng.pick(NAMED[region])
        else:
            merchant = f"shop_{base + rng.below(merchants)}"
        method = rng.weighted(methods)
        currency, minor_units, typical = rng.weighted([(c[0:1] + c[2:], c[1]) for c in currencies])
        at = START + rng.below(SPAN)
        if rng.below(100) < 2:   # a few in the US blackout: 2026-12-06 01:00-05:00 EST
            region, method, currency, minor_units, typical = "US", "ALIPAY_CN", "USD", 2, 80
            merchant = f"shop_{5000 + rng.below(400)}"
            at = 1_796_536_800 + rng.below(4 * 3600)
        day, second = divmod(at, 86_400)
        stamp = f"{iso_date(day)}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}Z"
        line = {"region": region, "merchant": merchant, "method": method,
                "amount": f"{amount(rng, minor_units, typical)} {currency}", "at": stamp}
        out.write(json.dumps(line, separators=(",", ":")) + "\n")


def iso_date(days):
    # Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    days += 719_468
    era = days // 146_097
    doe = days - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    year = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return f"{year + (month <= 2):04d}-{month:02d}-{day:02d}"


if __name__ == "__main__":
    main()
