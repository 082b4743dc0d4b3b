"""A six-language resolution and a recorded vote, built from the UN's AKN files and served: the
page is in the language asked for (switch and Accept-Language), right-to-left in Arabic, with
the votes and the subjects."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from corpora import ABSENT, REAL
from server_fixtures import Server, build_corpus, running_server

AKN = REAL / "ga-akn" / "GAresolutions-main"
pytestmark = pytest.mark.skipif(not AKN.is_dir(), reason=ABSENT)
WORK_78_6 = "/akn/un/statement/deliberation/un-ga/2023-11-01/78-6"
WORK_77_228 = "/akn/un/statement/deliberation/un-ga/2022-12-15/77-228"


@pytest.fixture(scope="module")
def akn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    corpus = tmp_path_factory.mktemp("akn-corpus")
    files = [*sorted(AKN.glob("78session/*/A_RES_78_6*.xml")), *sorted(AKN.glob("77session/English/A_RES_77_228-*.xml"))]
    if len(files) != 7:
        raise FileNotFoundError(AKN)
    for path in files:
        (corpus / path.name).symlink_to(path)
    out = build_corpus(corpus, tmp_path_factory.mktemp("akn-build") / "output")
    with running_server(out, out.parent / "server.log") as server:
        yield server


def page(server: Server, path: str, **headers: str) -> str:
    response = server.get(path, headers={"Accept": "text/html", **headers}, allow_redirects=True)
    assert response.status_code == 200, response.text[:300]
    return response.text


def record_rows(html: str) -> dict[str, str]:
    """The record at the top of a page (<dl class="record">): label → its values as text."""
    found = re.search(r'<dl class="record">(.*?)</dl>', html, re.S)
    assert found is not None
    return {re.sub(r"<[^>]+>", "", dt): re.sub(r"<[^>]+>", "", dd)
            for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", found.group(1))}


def test_the_page_switches_between_the_six_languages(akn_server: Server) -> None:
    english = page(akn_server, f"{WORK_78_6}/data.html")
    assert re.search(r'<nav class="languages"[^>]*>', english)
    for tag in ("en", "fr", "es", "ru", "ar", "zh"):
        assert f'href="?lang={tag}"' in english
    french = page(akn_server, f"{WORK_78_6}/data.html?lang=fr")
    assert 'lang="fr"' in french and "Rappelant" in french and "Recalling" not in french
    assert re.search(r'<h1 lang="fr" dir="ltr">', french)


def test_accept_language_chooses_the_text_and_arabic_reads_right_to_left(akn_server: Server) -> None:
    arabic = page(akn_server, f"{WORK_78_6}/data.html", **{"Accept-Language": "ar, en;q=0.5"})
    assert re.search(r'<ol class="preamble" lang="ar" dir="rtl">', arabic)
    texts = re.findall(r'<span class="text" lang="([a-z]+)" dir="([a-z]+)">', arabic)
    assert texts and all(t == ("ar", "rtl") for t in texts)
    response = akn_server.get(f"{WORK_78_6}/data.html", headers={"Accept-Language": "zh"})
    assert "Accept-Language" in response.headers.get("Vary", "")
    assert response.headers["Content-Language"] == "zh"
    assert 'lang="zh"' in response.text


def test_the_page_says_how_the_text_came_about(akn_server: Server) -> None:
    """A/RES/77/228's record in words at the top of its page, each document linked: the organ, the
    day, the meeting and its record, the session, the agenda item with its title, the committee
    and the paragraph of its report, the draft (what the "All metadata" table lists as properties)."""
    html = page(akn_server, f"{WORK_77_228}/data.html")
    record = re.search(r'<dl class="record">(.*?)</dl>', html, re.S)
    assert record is not None
    rows = {re.sub(r"<[^>]+>", "", dt): re.sub(r"<[^>]+>", "", dd) for dt, dd in
            re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", record.group(1))}
    assert rows == {
        "Adopted by": "General Assembly", "Adopted on": "15 December 2022",
        "Meeting": "54th plenary meeting; A/77/PV.54", "Session": "Seventy-seventh session",
        "Agenda item": "68 (c): Promotion and protection of human rights: human rights situations and reports of "
                       "special rapporteurs and representatives",
        "On the report of": "Third Committee; A/77/463/Add.3, para. 29", "Draft": "A/C.3/77/L.34"}
    assert '<a href="/id/document/A-77-463-Add.3">' in record.group(1)


def test_votes_and_subjects_on_the_page(akn_server: Server) -> None:
    html = page(akn_server, f"{WORK_77_228}/data.html")
    assert "Adopted by a recorded vote: In favour 80" in " ".join(html.split())
    assert "In favour 80" in html and "Against 29" in html and "Abstaining 65" in html
    assert re.search(r"<summary>In favour \(80\)</summary>", html)
    assert 'href="/id/state/AUS"' in html
    assert "Sustainable Development Goals" in html and "SDG " in html
    assert "<dt>Dag Hammarskjöld Library authorities</dt>" in html  # its scheme's name, not "dhlauth"


def test_an_expression_iri_opens_the_page_in_its_language(akn_server: Server) -> None:
    """A person following `…/78-6/fra@` from their own data reads the French text, whatever
    their browser's languages; the RDF formats describe the work with every expression."""
    response = akn_server.get(f"{WORK_78_6}/fra@", headers={"Accept": "text/html", "Accept-Language": "en"},
                              allow_redirects=False)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{WORK_78_6}/data.html?lang=fr")
    turtle = akn_server.get(f"{WORK_78_6}/ara@", headers={"Accept": "text/turtle"}, allow_redirects=False)
    assert turtle.headers["Location"].endswith(f"{WORK_78_6}/data.ttl")


def test_the_record_is_printed_in_the_page_language(akn_server: Server) -> None:
    """Each version prints its session, meeting and agenda item in its own language: the English
    page says "Seventy-eighth session", the French one "Soixante-dix-huitième session" (the
    English page once showed the Spanish label, the first of six untagged literals)."""
    def record(lang: str) -> dict[str, str]:
        return record_rows(page(akn_server, f"{WORK_78_6}/data.html?lang={lang}"))

    english, french = record("en"), record("fr")
    assert english["Session"] == "Seventy-eighth session" and french["Session"] == "Soixante-dix-huitième session"
    assert english["Agenda item"] == "74: Report of the International Criminal Court"
    assert french["Point de l’ordre du jour"] == "74: Rapport de la Cour pénale internationale"
    turtle = akn_server.get(f"{WORK_78_6}/data.ttl").text
    assert '"Seventy-eighth session"@en' in turtle and '"Soixante-dix-huitième session"@fr' in turtle


def test_each_language_links_the_words_it_prints(akn_server: Server) -> None:
    """A/RES/78/6 recalls resolution 77/6 in every version: the French page links "77/6" in its own
    text (it once listed the English words "its resolution 77/6" below the French paragraph)."""
    french = page(akn_server, f"{WORK_78_6}/data.html?lang=fr")
    assert "its resolution" not in french
    link = re.search(r'<a class="citation" href="/akn/un/statement/deliberation/un-ga/2022-11-02/77-6"[^>]*>([^<]*)</a>', french)
    assert link is not None and "77/6" in link.group(1)
    english = page(akn_server, f"{WORK_78_6}/data.html")
    assert ">its resolution 77/6</a>" in english


def test_the_page_says_its_own_words_in_the_page_language(akn_server: Server) -> None:
    """The French page of A/RES/78/6 frames the French text in French (labels, headings, the date
    as French prints it), the Arabic page in Arabic from right to left, the Chinese in Chinese;
    the English page keeps the UN's English (lod.describe.i18n). The pages once printed "Adopted
    on 1 November 2023" and "Operative paragraphs" around every language's text."""
    english_words = ("Adopted on", "Agenda item", "Operative paragraphs", "Preamble", "All metadata", "Cited by",
                     "Skip to content", "This page as data:")

    record = record_rows

    french = page(akn_server, f"{WORK_78_6}/data.html?lang=fr")
    assert french.startswith('<!doctype html>\n<html lang="fr" dir="ltr">')
    assert record(french)["Date d’adoption"] == "1 novembre 2023"
    for heading in ("Préambule", "Dispositif", "Toutes les métadonnées", "Aller au contenu"):
        assert heading in french
    arabic = page(akn_server, f"{WORK_78_6}/data.html?lang=ar")
    assert arabic.startswith('<!doctype html>\n<html lang="ar" dir="rtl">')
    assert record(arabic)["تاريخ الاعتماد"] == "1 نوفمبر 2023" and "الديباجة" in arabic
    chinese = page(akn_server, f"{WORK_78_6}/data.html?lang=zh")
    assert record(chinese)["通过日期"] == "2023年11月1日" and "执行部分" in chinese
    for other in (french, arabic, chinese):
        assert not [w for w in english_words if w in other]
    english = page(akn_server, f"{WORK_78_6}/data.html")
    assert english.startswith('<!doctype html>\n<html lang="en" dir="ltr">')
    assert record(english)["Adopted on"] == "1 November 2023"
    assert all(w in english for w in english_words)
