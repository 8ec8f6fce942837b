#!/usr/bin/env python3
"""Turns public-record.csv (the exchanges as public news reported them) into public-record.ndjson,
a ledger that POST /api/v1/import takes in one go.

    python3 examples/public-record.py > examples/public-record.ndjson

Python 3 standard library only. The output is deterministic: running it again on the same CSV gives
the same bytes, and PublicRecordLedgerTest checks the committed file against a fresh run.

What the script takes from each CSV row, and what it adds:
- the numbers (returned_to_ukraine, returned_to_russia, bodies) and the mediators as they are;
- the unit breakdown written in the row's notes as `units: KEY=N; ...` (and `AFU=87 (of which
  TDF=17)`, whose 17 are inside the 87: lines are exclusive, so the afu line gets 70);
- `military=N` (servicemen of no named unit) stays unattributed, `civilians=N` becomes `civilians`;
- the facts the CSV gives only in prose (an Azovstal count, a partial list by service) from the
  table EXTRA below, each with the reason it is read that way;
- notes written for this ledger (NOTES below): the CSV's own notes are not copied.
"""
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSV_FILE = HERE / "public-record.csv"

# Unit keys of the CSV, as ledger units. Parents where the structure is real: the Navy, the Air Force
# and Territorial Defence are branches of the Armed Forces, the Marine Corps is part of the Navy, Azov
# is a brigade of the National Guard. Parents come before their children.
UNITS = [
    ("afu", "Armed Forces of Ukraine", None),
    ("tro", "Territorial Defence Forces", "afu"),
    ("navy", "Navy", "afu"),
    ("marines", "Marine Corps", "navy"),
    ("air-force", "Air Force", "afu"),
    ("nsu", "National Guard of Ukraine", None),
    ("azov", "Azov brigade", "nsu"),
    ("dpsu", "State Border Guard Service", None),
    ("npu", "National Police of Ukraine", None),
    ("dsst", "State Special Transport Service", None),
    ("dsns", "State Emergency Service", None),
    ("volunteers", "Volunteer formations", None),
]
UNIT_KEYS = {
    "AFU": "afu", "TDF": "tro", "Navy": "navy", "marines": "marines", "Air Force": "air-force",
    "NGU": "nsu", "SBGS": "dpsu", "NPU": "npu", "SSTS": "dsst", "SES": "dsns",
    "volunteer formation": "volunteers",
}

COHORT = {"type": "cohort", "id": "azovstal", "name": "Azovstal garrison", "size": 2500, "sizeApproximate": True,
          "description": "The defenders of the Azovstal steelworks in Mariupol who left it for captivity in May 2022;"
                         " about 2,500 people by the count of Ukrainian military intelligence."}

# Stages of one exchange carried out over several days: they count once.
OPERATIONS = {
    "2025-05-23": "1000-for-1000", "2025-05-24": "1000-for-1000", "2025-05-25": "1000-for-1000",
    "2026-03-05": "500-for-500", "2026-03-06": "500-for-500",
}

# Breakdown lines the CSV gives only in prose (or that need the cohort), replacing or adding to the
# `units:` list of the row, with the reason. Each entry: date -> (lines, civilians or None, replace?).
EXTRA = {
    # "95 Azovstal defenders (43 Azov)": Azov is a National Guard brigade, so its 43 are inside NGU=59.
    "2022-06-29": ([("azov", "azovstal", 43), ("nsu", None, 16), ("navy", None, 30), ("afu", None, 28),
                    ("dpsu", None, 17), ("tro", None, 9), ("npu", None, 1)], None, True),
    # 108 Azov fighters and 2 civilians among the 215 (Xinhua); no other split.
    "2022-09-21": ([("azov", None, 108)], 2, False),
    # 37 Azovstal defenders among the 108 women.
    "2022-10-17": ([(None, "azovstal", 37)], None, False),
    # 74 Azovstal defenders among the 107; services named without numbers.
    "2022-11-03": ([(None, "azovstal", 74)], None, False),
    # 63 Azovstal defenders among the 100 servicemen.
    "2023-02-16": ([(None, "azovstal", 63)], None, False),
    # 71 Azovstal defenders among the 130.
    "2023-03-07": ([(None, "azovstal", 71)], None, False),
    # All 45 were Azov fighters who had defended Azovstal.
    "2023-05-06": ([("azov", "azovstal", 45)], None, True),
    # The source's list is cut off after four services; "95 soldiers" may include the rest, so only the
    # three named services are recorded.
    "2024-01-31": ([("nsu", None, 56), ("dpsu", None, 26), ("tro", None, 29)], None, False),
    # Of the 22 wounded released outside the swap: 21 Armed Forces, 1 border guard.
    "2025-03-19": ([("afu", None, 21), ("dpsu", None, 1)], None, False),
    # The Interior Ministry named its own people only.
    "2025-04-19": ([("nsu", None, 73), ("dpsu", None, 4)], None, False),
    "2025-05-06": ([("nsu", None, 26), ("dpsu", None, 14)], None, False),
    # Navy 88; Interior Ministry 58, of them National Guard 34, Border Guard 22, Emergency Service 1.
    "2025-10-02": ([("navy", None, 88), ("nsu", None, 34), ("dpsu", None, 22), ("dsns", None, 1)], None, False),
}

# Notes in this ledger's words, one per row: what the exchange was and what to know before using it.
NOTES = {
    "2022-03-01": "A local swap in Sumy region, arranged by local authorities: five Territorial Defence fighters for one Russian officer. Counted as the first exchange of the war by the pilot study cited; official tallies may leave it out.",
    "2022-03-16": "The mayor of Melitopol, Ivan Fedorov, held by Russian forces, freed in return for nine Russian conscripts. Official exchange tallies may not count it.",
    "2022-03-24": "The first formal swap: ten servicemen each way, plus 19 Ukrainian civilian sailors of the rescue ship Sapphire for 11 Russian civilian sailors.",
    "2022-04-01": "86 servicemen, 15 of them women, in an 86-for-86 swap.",
    "2022-04-09": "The third exchange: 12 servicemen and 14 civilians. Kyiv gave no number for the Russian side.",
    "2022-04-14": "The fourth exchange, 30 for 30: five officers, 17 soldiers and eight civilians.",
    "2022-04-15": "A local battlefield swap in Kherson region: five Ukrainian soldiers for four Russians. One source dates it a day earlier. Official tallies may leave it out.",
    "2022-04-19": "The fifth exchange: 60 servicemen, ten of them officers, and 16 civilians.",
    "2022-04-21": "The sixth exchange: ten soldiers, two of them officers, and nine civilians.",
    "2022-04-28": "The seventh exchange: 13 officers, 20 soldiers and 12 civilians.",
    "2022-04-30": "Seven servicemen and seven civilians, among them a pregnant servicewoman.",
    "2022-05-06": "28 servicemen and 13 civilians; eleven of them women.",
    "2022-06-10": "Known only from a later report: five Ukrainians came home, among them a village head from Mykolaiv region. The Russian number is unclear.",
    "2022-06-18": "Five civilians for five, through the Coordination Headquarters; the body of one person was also handed over.",
    "2022-06-29": "The first large return of Azovstal defenders: 95 of the 144, 43 of those from Azov. The sources split the 144 by service but not the Azovstal group, so only the Azov 43 are tagged with the garrison.",
    "2022-09-02": "14 Armed Forces soldiers of two mechanised brigades.",
    "2022-09-21": "The largest exchange of 2022, mediated by Türkiye and Saudi Arabia: 205 Ukrainians and ten foreign fighters, among them 108 Azov fighters and the Azovstal commanders; Russia received 55 soldiers and Viktor Medvedchuk. Some reports date it to the following night.",
    "2022-09-29": "Four marines and two civilians.",
    "2022-10-11": "32 servicemen of several Armed Forces brigades and the body of a foreign volunteer. 62 bodies repatriated the same day are a separate handover, not recorded here.",
    "2022-10-13": "20 for 20: 14 Armed Forces, four Territorial Defence, one National Guard, one Navy.",
    "2022-10-17": "The first exchange of women only: 108 came home, twelve of them civilians and 37 Azovstal defenders; Ukraine handed over 110.",
    "2022-10-26": "Ten Armed Forces servicemen and the body of a volunteer from the United States.",
    "2022-10-29": "52 defenders of Mariupol, two of them civilians. One outlet gives a different Navy number that does not add up, so the other breakdown is kept.",
    "2022-11-03": "107 for 107: six officers and 101 soldiers and sergeants, 74 of them Azovstal defenders. The services are named without numbers.",
    "2022-11-11": "45 Armed Forces servicemen and the bodies of two fallen soldiers. The date comes from a report that also gives the running total of 1,183.",
    "2022-11-23": "36 people, most of them National Guard.",
    "2022-11-24": "50 servicemen, two of them officers.",
    "2022-11-26": "Twelve people; the source names the Border Guard without a number.",
    "2022-12-01": "50 for 50: defenders of Mariupol and Azovstal, some of them held at Olenivka. No split by service or by garrison was given.",
    "2022-12-06": "60 for 60, two of them women and 15 officers; Armed Forces, National Guard and Border Guard without numbers.",
    "2022-12-14": "64 Armed Forces soldiers and the bodies of four fallen; a US citizen released at the same time is not counted.",
    "2022-12-31": "The New Year exchange: 140 came home, eight of them women.",
    "2023-01-08": "50 for 50: 33 officers and 17 soldiers and sergeants, several services named without numbers.",
    "2023-02-04": "116 came home, with the bodies of two British volunteers; the Russian side names the UAE as mediator.",
    "2023-02-16": "100 servicemen and one civilian; 94 of them had defended Mariupol, 63 Azovstal.",
    "2023-03-07": "130 came home, four of them women; 87 had defended Mariupol, 71 Azovstal.",
    "2023-04-03": "Ten soldiers and sergeants and two civilians.",
    "2023-04-10": "100 came home; soldiers, sailors, border guards and national guardsmen without numbers.",
    "2023-04-16": "The Easter exchange, carried out in several stages in the days before it was announced; recorded as one.",
    "2023-04-26": "42 servicemen, six of them officers, and two civilians.",
    "2023-05-06": "45 Azov fighters, all of them Azovstal defenders; Russia received three pilots.",
    "2023-05-25": "106 came home, eight of them officers, with the bodies of three people.",
    "2023-06-11": "95 came home, two of them officers; the Russian side names the UAE as mediator.",
    "2023-07-06": "43 servicemen and two civilians. One wire report reads as 47 people; the intelligence directorate's 45 is kept. Two children returned at the same time are not counted.",
    "2023-08-07": "22 Armed Forces servicemen. The last exchange before a pause of five months.",
    "2024-01-03": "The first exchange after the pause, mediated by the UAE: 230 came home.",
    "2024-01-31": "207 came home by the Ukrainian count, 195 for 195 by the Russian one. The list by service in the source is cut off, so only three services are recorded.",
    "2024-02-08": "100 for 100; 82 of them had defended Azovstal, but the source does not say how they split by service, so no line carries the garrison.",
    "2024-05-31": "75 for 75; the same day 212 bodies came home (recorded apart). In this source the Navy and the Air Force are counted inside the Armed Forces.",
    "2024-06-25": "90 for 90, mediated by the UAE.",
    "2024-07-17": "95 for 95, mediated by the UAE.",
    "2024-08-24": "115 for 115 on Independence Day, nearly 50 of them Azovstal defenders (no exact number); the Russians released had been captured in Kursk region.",
    "2024-09-13": "49 came home, 23 of them women and seven civilians. Recorded as its own exchange, as the official count of eleven in 2024 does.",
    "2024-09-14": "103 for 103, 69 of them defenders of Mariupol.",
    "2024-10-18": "95 for 95, mediated by the UAE.",
    "2024-12-30": "The eleventh exchange of 2024, 189 people. The source counts the Navy's 24 apart from the Armed Forces' 87, so the Armed Forces with their branches come to 111 here.",
    "2025-01-15": "25 for 25: 24 servicemen and one civilian.",
    "2025-02-05": "150 for 150; several services named without numbers.",
    "2025-03-19": "175 for 175, and 22 badly wounded soldiers released by Russia outside the swap.",
    "2025-04-19": "246 for 246, and 31 wounded Ukrainians for 15 wounded Russians.",
    "2025-05-06": "205 for 205, three of them officers.",
    "2025-05-23": "First stage of the 1000-for-1000 exchange agreed in Istanbul: 270 servicemen and 120 civilians each way.",
    "2025-05-24": "Second stage of the 1000-for-1000 exchange: 307 servicemen.",
    "2025-05-25": "Third and last stage of the 1000-for-1000 exchange: 303 servicemen.",
    "2025-08-14": "84 for 84: 33 servicemen and 51 civilians.",
    "2025-08-24": "146 for 146 by the Russian count; Kyiv gave no total. Whether eight civilians are inside the 146 is unclear.",
    "2025-10-02": "205 came home, 20 of them civilians; the sources name the Navy and the Interior Ministry's services.",
    "2026-02-05": "157 for 157 after talks in Abu Dhabi, with the United States and the UAE assisting; the first swap since October 2025.",
    "2026-03-05": "First stage of the 500-for-500 exchange agreed at talks in Geneva: 200 each way.",
    "2026-03-06": "Second stage of the 500-for-500 exchange: 300 servicemen and two civilians.",
}

# The official tallies found (see examples/README.md), as reports.
def _source(url, title, publisher=None, published_on=None):
    return {k: v for k, v in (("url", url), ("title", title), ("publisher", publisher),
                               ("publishedOn", published_on)) if v is not None}


KYIV_INDEPENDENT_2024 = _source(
    "https://kyivindependent.com/ukraine-has-brought-back-1-358-people-from-russian-captivity-in-2024/",
    "Ukraine has brought back 1,358 people from Russian captivity in 2024", "Kyiv Independent")
YUSOV_AZOVSTAL = _source(
    "https://unn.ua/en", "Since the withdrawal of the Azovstal garrison, 1,279 of about 2,500 soldiers have been returned",
    "UNN", "2025-05-29")
REPORTS = [
    ("rp_2022_peopleReturned", {"year": 2022}, "peopleReturned", 1596, "2022-12-31", False,
     _source("https://good-time-invest.com/blog/ukraine-returned-from-russian-captivity-1-596-pows/",
             "Ukraine Returned From Russian Captivity 1.596 POWs"),
     "1,596 people returned from 24 February to 31 December 2022, 132 of them civilians. The Reintegration Ministry"
     " spoke of nearly 1,600."),
    ("rp_2023_peopleReturned", {"year": 2023}, "peopleReturned", 1002, "2024-12-30", False, KYIV_INDEPENDENT_2024,
     "No figure for 2023 was published on its own: the 2024 statement says 1,358 people, 356 more than in 2023,"
     " so 1,002."),
    ("rp_2024_exchanges", {"year": 2024}, "exchanges", 11, "2024-12-30", False, KYIV_INDEPENDENT_2024,
     "Coordination Headquarters: eleven exchanges in 2024."),
    ("rp_2024_peopleReturned", {"year": 2024}, "peopleReturned", 1358, "2024-12-30", False, KYIV_INDEPENDENT_2024,
     "Coordination Headquarters: 1,358 people freed in 2024, 356 more than in 2023."),
    ("rp_2025_peopleReturned", {"year": 2025}, "peopleReturned", 2310, "2026-01-20", False,
     _source("https://interfax.com.ua/news/general/1137925.html",
             "Coordination Headquarters annual report for 2025", "Interfax-Ukraine", "2026-01-20"),
     "Coordination Headquarters: 2,080 servicemen and 230 civilians returned through exchanges in 2025."),
    ("rp_all_peopleReturned", {}, "peopleReturned", 8050, "2026-03-12", False,
     _source("https://unn.ua/en/news/the-coordination-headquarters-has-conducted-over-70-prisoner-exchanges-in-four"
             "-years-managing-to-return-more-than-8000-citizens-budanov",
             "The Coordination Headquarters has conducted over 70 prisoner exchanges in four years, managing to"
             " return more than 8,000 citizens", "UNN", "2026-03-12"),
     "8,050 citizens returned in four years of full-scale war."),
    ("rp_all_exchanges", {}, "exchanges", 70, "2026-03-12", True,
     _source("https://unn.ua/en/news/the-coordination-headquarters-has-conducted-over-70-prisoner-exchanges-in-four"
             "-years-managing-to-return-more-than-8000-citizens-budanov",
             "The Coordination Headquarters has conducted over 70 prisoner exchanges in four years, managing to"
             " return more than 8,000 citizens", "UNN", "2026-03-12"),
     "More than 70 exchanges in four years."),
    ("rp_azovstal_peopleReturned", {"cohort": "azovstal"}, "peopleReturned", 1279, "2025-05-29", False,
     YUSOV_AZOVSTAL,
     "Andriy Yusov (military intelligence): 1,279 of about 2,500 Azovstal defenders returned since the garrison"
     " left the steelworks. Quoted by UNN; the article's own address was not kept, so the source names the outlet."),
    ("rp_azovstal-azov_peopleReturned", {"cohort": "azovstal", "unit": "azov"}, "peopleReturned", 455, "2025-05-29",
     False, YUSOV_AZOVSTAL, "Andriy Yusov: 455 of the 1,279 Azovstal defenders returned were from Azov."),
    ("rp_2024-12-30_peopleReturned", {"exchange": "ex_2024-12-30"}, "peopleReturned", 189, "2024-12-30", False,
     _source("https://babel.ua/en/news/114094-ukraine-held-a-new-prisoner-exchange-with-russia-189-ukrainians"
             "-returned-home", "Ukraine held a new prisoner exchange with Russia: 189 Ukrainians returned home",
             "Babel", "2024-12-30"),
     "189 people on 30 December 2024."),
    ("rp_1000-for-1000_peopleReturned", {"exchange": "ex_2025-05-23"}, "peopleReturned", 1000, "2025-05-25", False,
     _source("https://censor.net/en/news/3554211/another-exchange-took-place-how-many-soldiers-were-freed-from"
             "-captivity", "Another exchange took place: how many soldiers were freed from captivity", "Censor.NET",
             "2025-05-25"),
     "The 1000-for-1000 exchange in three stages, 23 to 25 May 2025."),
]

BRACKETED = re.compile(r"^\[([^,\]]+),\s*([^\]]+)\]\s*(.+)$")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
URL_IN_TEXT = re.compile(r"https?://[^\s()]+")


def main():
    rows = list(csv.DictReader(CSV_FILE.open(encoding="utf-8", newline="")))
    missing = [r["date"] for r in rows if r["date"] not in NOTES]
    if missing:
        sys.exit(f"no note written for {missing}")
    out = sys.stdout
    for unit_id, name, parent in UNITS:
        emit(out, {"type": "unit", "id": unit_id, "name": name, "parent": parent})
    emit(out, COHORT)
    for row in rows:
        for record in exchanges(row):
            emit(out, record)
    for report_id, scope, metric, value, as_of, approximate, source, notes in REPORTS:
        emit(out, {"type": "report", "id": report_id, "scope": scope, "metric": metric, "value": value,
                   "approximate": approximate or None, "asOf": as_of, "source": source, "notes": notes})


def exchanges(row):
    """The prisoners record of a row, and a bodies record when the swap also returned bodies."""
    date = row["date"]
    lines, civilians = breakdown(date, units_part(row["notes"]))
    returned = int(row["returned_to_ukraine"])
    if sum(count for _, _, count in lines) > returned:
        sys.exit(f"{date}: the breakdown adds up to more than {returned}")
    sources = sources_of(row)
    mediators = [m.strip() for m in row["mediator"].split(";") if m.strip()]
    yield {"type": "exchange", "id": "ex_" + date, "ref": date, "date": date, "kind": "prisoners",
           "operation": OPERATIONS.get(date), "returned": returned,
           "handedOver": int(row["returned_to_russia"]) if row["returned_to_russia"] else None,
           "civilians": civilians, "mediators": mediators,
           "breakdown": [line(u, c, n) for u, c, n in lines], "sources": sources, "notes": NOTES[date]}
    if row["bodies_returned_to_ukraine"]:
        bodies = int(row["bodies_returned_to_ukraine"])
        yield {"type": "exchange", "id": "ex_bodies-" + date, "ref": "bodies-" + date, "date": date,
               "kind": "bodies", "returned": bodies, "mediators": mediators, "sources": sources,
               "notes": f"{bodies} {'body' if bodies == 1 else 'bodies'} handed over within the prisoner"
                        f" exchange of the same day ({'ex_' + date})."}


def units_part(notes):
    """The `KEY=N; ...` list after `units:` in a CSV note, or ''."""
    return notes.split("units:", 1)[1].strip() if "units:" in notes else ""


def breakdown(date, units):
    """Exclusive breakdown lines (unit, cohort, count) and the civilians of a row."""
    lines, civilians = [], None
    for key, count, inside in parse_units(units):
        if key == "civilians":
            civilians = count
        elif key == "military" or count is None:
            continue  # servicemen of no named unit, or a unit named without a number: unattributed
        else:
            own = count - sum(n for _, n, _ in inside)
            lines.append((UNIT_KEYS[key], None, own))
            lines.extend((UNIT_KEYS[k], None, n) for k, n, _ in inside)
    extra, extra_civilians, replace = EXTRA.get(date, ([], None, False))
    lines = list(extra) if replace else lines + list(extra)
    seen = set()
    for unit, cohort, _ in lines:
        if (unit, cohort) in seen:
            sys.exit(f"{date}: two lines for {unit}/{cohort}")
        seen.add((unit, cohort))
    return lines, extra_civilians if extra_civilians is not None else civilians


def parse_units(text):
    """`AFU=130 (of which TDF=14; Navy=14); NGU=55` -> [("AFU", 130, [("TDF", 14, []), ...]), ("NGU", 55, [])]."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text + ";"):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth == 0:
            part = text[start:i].strip()
            start = i + 1
            if part:
                items.append(part)
    parsed = []
    for item in items:
        head, _, rest = item.partition("(")
        key, _, number = head.strip().partition("=")
        inside = parse_units(rest.rstrip(")").removeprefix("of which").strip()) if rest else []
        parsed.append((key.strip(), int(number) if number.strip().isdigit() else None, inside))
    return parsed


def line(unit, cohort, count):
    return {k: v for k, v in (("unit", unit), ("cohort", cohort), ("count", count)) if v is not None}


def sources_of(row):
    """The row's source, with outlet and date where the CSV gives them as `[outlet, date] title`, then every
    other address its notes cite."""
    title, publisher, published_on = row["source_title"], None, None
    bracketed = BRACKETED.match(title)
    if bracketed:
        publisher, when, title = bracketed.group(1), bracketed.group(2), bracketed.group(3)
        day_month_year = when.split()
        if len(day_month_year) == 3 and day_month_year[1] in MONTHS:
            day, month, year = day_month_year
            published_on = f"{year}-{MONTHS[month]:02d}-{int(day):02d}"
    sources = [_source(row["source_url"], title, publisher, published_on)]
    for url in URL_IN_TEXT.findall(row["notes"]):
        url = url.rstrip(".,:;'")
        if url not in [s["url"] for s in sources]:
            sources.append({"url": url})
    return sources


def emit(out, record):
    """One NDJSON line, without the fields left empty."""
    compact = {k: v for k, v in record.items() if v is not None and v != []}
    out.write(json.dumps(compact, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
