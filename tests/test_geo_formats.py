"""dossier eval geo reads the usual geoparsing gold formats (made-up articles, no ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.evaluate import geo

GEOVIRUS = """<articles><article><source>https://example.org/a</source>
<text>Cholera spread from Beira to Chimoio, officials said.</text><locations>
<location><name>Beira</name><start>20</start><end>25</end><lat>-19.84</lat><lon>34.84</lon>
<page>https://example.org/Beira</page></location>
<location><name>Chimoio</name><start>29</start><end>36</end><lat>-19.12</lat><lon>33.48</lon>
</location></locations></article></articles>"""

GEOWEBNEWS = """<?xml version="1.0" ?><articles><!-- made up --><article>
<text>Protesters marched in Lyon while French unions met.</text><toponyms>
<toponym><extractedName>Lyon</extractedName><type>Literal</type><start>22</start><end>26</end>
<geonamesID>2996944</geonamesID><latitude>45.75</latitude><longitude>4.85</longitude></toponym>
<toponym><extractedName>French</extractedName><type>Non_Literal_Modifier</type>
<start>33</start><end>39</end><latitude>46.0</latitude><longitude>2.0</longitude></toponym>
<toponym><extractedName>unions</extractedName><type>Non_Lit_Expression</type>
<nonLocational>Yes</nonLocational><start>40</start><end>46</end></toponym>
</toponyms></article></articles>"""

WIKTOR = """<pages><page number="7"><toponymName>Lima</toponymName><pageTitle>Lima, Ohio</pageTitle>
<lat>40.74</lat><lon>-84.11</lon><url>https://example.org/Lima</url>
<text>Lima is a city in Ohio. Lima lies on the Ottawa River.</text>
<toponymIndices><toponym><start>0</start><end>4</end></toponym>
<toponym><start>24</start><end>28</end></toponym></toponymIndices></page></pages>"""


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (GEOVIRUS, [("Beira", -19.84, 34.84), ("Chimoio", -19.12, 33.48)]),
        (GEOWEBNEWS, [("Lyon", 45.75, 4.85), ("French", 46.0, 2.0)]),
        (WIKTOR, [("Lima", 40.74, -84.11), ("Lima", 40.74, -84.11)]),
    ],
    ids=["GeoVirus", "GeoWebNews", "WikToR"],
)
def test_reads_each_format(tmp_path: Path, xml: str, expected: list[tuple[str, float, float]]):
    path = tmp_path / "gold.xml"
    path.write_text(xml, encoding="utf-8")
    (article,) = geo.read_gold(path)
    found = [(article.text[t.start : t.end], t.lat, t.lon) for t in article.toponyms]
    assert found == expected
    assert [t.phrase for t in article.toponyms] == [name for name, _, _ in expected]


def test_page_number_is_the_id(tmp_path: Path):
    path = tmp_path / "gold.xml"
    path.write_text(WIKTOR, encoding="utf-8")
    assert [a.id for a in geo.read_gold(path)] == ["7"]


def test_offsets_one_off_the_named_phrase_are_moved_onto_it(tmp_path: Path):
    shifted = GEOVIRUS.replace("<start>20</start><end>25</end>", "<start>21</start><end>26</end>")
    path = tmp_path / "gold.xml"
    path.write_text(shifted, encoding="utf-8")
    (article,) = geo.read_gold(path)
    assert [article.text[t.start : t.end] for t in article.toponyms] == ["Beira", "Chimoio"]


def test_offsets_are_kept_when_no_nearby_span_holds_the_phrase(tmp_path: Path):
    renamed = GEOVIRUS.replace("<name>Beira</name>", "<name>Sofala</name>")
    path = tmp_path / "gold.xml"
    path.write_text(renamed, encoding="utf-8")
    (article,) = geo.read_gold(path)
    assert (article.toponyms[0].start, article.toponyms[0].end) == (20, 25)
