//! The special-category lexicon per category (art. 9 and 10 AVG): for each kind, realistic note
//! sentences that must be flagged with that kind, and a clean set of ordinary placement-profile
//! sentences that must not produce any special-category finding.
//!
//! The sentences were written from how coordinators and care workers write notes, before the
//! lexicon entries for them were added; they are not copied from `data/lexicon.txt`.

use woonkans_core::known::Known;
use woonkans_core::scan::{FindingKind, redact, scan};
use woonkans_core::vocab::Dutch;

const SPECIAL: [FindingKind; 9] = [
    FindingKind::Health,
    FindingKind::Justice,
    FindingKind::Belief,
    FindingKind::SexualOrientation,
    FindingKind::Ethnicity,
    FindingKind::Politics,
    FindingKind::UnionMembership,
    FindingKind::Genetic,
    FindingKind::Biometric,
];

fn found(text: &str) -> Vec<(FindingKind, &str)> {
    scan(text, &Known::default())
        .into_iter()
        .map(|f| (f.kind, &text[f.start..f.end]))
        .collect()
}

/// Every sentence holds at least one finding of `kind`; returns the sentences that do not.
fn misses(kind: FindingKind, sentences: &[&'static str]) -> Vec<String> {
    sentences
        .iter()
        .filter(|s| !found(s).iter().any(|(k, _)| *k == kind))
        .map(|s| format!("{s}  → {:?}", found(s)))
        .collect()
}

fn check(kind: FindingKind, dutch: &[&'static str], english: &[&'static str]) {
    assert!(dutch.len() >= 8, "{kind:?}: at least 8 Dutch sentences");
    let mut bad = misses(kind, dutch);
    bad.extend(misses(kind, english));
    assert!(bad.is_empty(), "{kind:?} not found in:\n{}", bad.join("\n"));
}

#[test]
fn substance_use_in_everyday_words_is_health() {
    check(
        FindingKind::Health,
        &[
            "Hij blowt dagelijks, vooral 's avonds om te kunnen slapen.",
            "Gebruikt in het weekend coke en soms speed.",
            "Op feestjes neemt ze xtc-pillen.",
            "Drinkt veel, de drank is een probleem geworden sinds de scheiding.",
            "Hij zuipt zich in het weekend klem.",
            "Is verslaafd aan gokken en heeft daardoor schulden.",
            "Hij is sinds een half jaar clean en woont in een herstelhuis.",
            "Rookt wiet en snuift af en toe.",
            "Vorig jaar is hij twee keer met een overdosis gevonden.",
            "Ze gebruikt paddo's en ketamine als ze uitgaat.",
            "Komt regelmatig dronken thuis na het voetbal.",
            "Hij heeft een joint gerookt in de gemeenschappelijke tuin.",
        ],
        &[
            "He smokes weed daily and uses cocaine at weekends.",
            "She has been addicted to alcohol for years.",
            "History of substance abuse, now in rehab.",
        ],
    );
}

#[test]
fn pregnancy_is_health() {
    check(
        FindingKind::Health,
        &[
            "Ze is zwanger van haar tweede kind, uitgerekend in mei.",
            "Mevrouw is in verwachting en wil voor de bevalling verhuizen.",
            "Ze is in maart bevallen van een zoon.",
            "Heeft vorig jaar een abortus gehad.",
            "Na de miskraam is ze erg somber.",
            "De verloskundige komt wekelijks langs.",
            "Kraamzorg is geregeld voor de eerste week na de geboorte.",
            "Zwangerschap van 20 weken, kindje wordt in de zomer verwacht.",
            "De 20-wekenecho was goed.",
        ],
        &[
            "She is pregnant and due in June.",
            "She had a miscarriage last year.",
        ],
    );
}

#[test]
fn hospital_admission_is_health() {
    check(
        FindingKind::Health,
        &[
            "Hij is vorige week opgenomen in het ziekenhuis na een val.",
            "Na een ziekenhuisopname van drie weken is ze weer thuis.",
            "Ze heeft een nacht op de SEH gelegen.",
            "Lag twee weken op de IC na een hartstilstand.",
            "Is met de ambulance naar de spoedeisende hulp gebracht.",
            "Hij ligt in het ziekenhuis in Venlo.",
            "Ze is opgenomen in VieCuri.",
            "Na zijn operatie in het Laurentius revalideert hij thuis.",
            "Ze is geopereerd aan haar knie en loopt met krukken.",
        ],
        &[
            "He was admitted to hospital last month.",
            "She was hospitalised for two weeks.",
        ],
    );
}

#[test]
fn care_institutions_of_the_region_are_health() {
    check(
        FindingKind::Health,
        &[
            "Hij is in behandeling bij Vincent van Gogh in Venray.",
            "Ambulante begeleiding via Novadic-Kentron.",
            "Ze heeft een traject bij Mondriaan gevolgd.",
            "Woont op een groep van Koraal.",
            "Begeleiding door Dichterbij, twee keer per week.",
            "Hij heeft jarenlang bij Daelzicht gewoond.",
            "Controles lopen via SJG Weert.",
            "Ze is onder controle bij Zuyderland in Sittard.",
            "Tactus heeft de aanmelding ontvangen.",
            "Ze woonde bij Pergamijn in Echt.",
            "Hij heeft een Wlz-indicatie van het CIZ.",
        ],
        &[
            "He is a client of Vincent van Gogh in Venray.",
            "Known to mental health services.",
        ],
    );
}

#[test]
fn compulsory_mental_health_care_is_health() {
    check(
        FindingKind::Health,
        &[
            "Er is een zorgmachtiging afgegeven.",
            "Valt onder de Wet verplichte ggz.",
            "In januari was er een crisismaatregel.",
            "De RM is met een half jaar verlengd.",
            "Hij is met een IBS binnengekomen.",
            "Er geldt een rechterlijke machtiging tot de zomer.",
            "Ze valt onder de Wet zorg en dwang.",
            "Hij heeft een tijd op de separeer gezeten.",
        ],
        &[],
    );
}

#[test]
fn criminal_law_data_is_justice() {
    check(
        FindingKind::Justice,
        &[
            "Hij heeft een PIJ-maatregel gehad als jongere.",
            "Heeft een voorwaardelijke straf van zes maanden.",
            "Zit nog een werkstraf uit van 120 uur.",
            "Draagt sinds zijn vrijlating een enkelband.",
            "Er geldt een gebiedsverbod voor het centrum van Venlo.",
            "Is vorig jaar vrijgelaten uit de PI Roermond.",
            "Heeft drie jaar gezeten voor een overval.",
            "Staat onder toezicht van de SVG.",
            "Komt van De Rooyse Wissel, waar hij tbs had.",
            "Begeleiding vanuit de jeugdreclassering loopt af.",
            "Hij is verdacht van winkeldiefstal.",
            "Hij heeft een meldplicht bij de politie.",
            "Er is een locatieverbod opgelegd.",
            "Is met justitie in aanraking geweest.",
            "Hij is vorige maand door de politie aangehouden.",
            "Er loopt een zaak bij het OM.",
            "Hij heeft een crimineel verleden.",
            "Heeft in de jeugdgevangenis gezeten.",
        ],
        &[
            "He has a criminal record.",
            "Released from prison in March.",
            "He is on probation until next year.",
            "She was arrested for shoplifting.",
        ],
    );
}

#[test]
fn religion_or_belief() {
    check(
        FindingKind::Belief,
        &[
            "Ze is moslim en draagt een hoofddoek.",
            "Hij gaat elke vrijdag naar de moskee.",
            "Tijdens de ramadan wil ze geen afspraken in de middag.",
            "Het gezin is streng gelovig.",
            "Katholiek opgevoed, gaat nog af en toe naar de kerk.",
            "Mevrouw is Jehova's getuige.",
            "Hij is joods en eet koosjer.",
            "Ze is christelijk en zoekt een kerkelijke gemeente in de buurt.",
            "Hindoe, viert Divali met de familie.",
            "De familie is islamitisch.",
            "Hij is bekeerd en bidt vijf keer per dag.",
            "Hij is atheïst en wil geen begeleiding vanuit de kerk.",
            "Ze is lid van een evangelische gemeente in Venlo.",
            "Hij eet alleen halal.",
        ],
        &[
            "He is a practising Muslim.",
            "The family is Jewish.",
            "She attends church every Sunday.",
        ],
    );
}

#[test]
fn sexual_orientation_or_sex_life() {
    check(
        FindingKind::SexualOrientation,
        &[
            "Hij is homo en wordt in de buurt gepest.",
            "Ze is lesbisch en woont samen met haar vriendin.",
            "Cliënt is biseksueel, dat weet zijn familie niet.",
            "Via het COC heeft hij contact met lotgenoten.",
            "Ze is transgender.",
            "Hij voelt zich als homoseksuele man niet veilig in de wijk.",
            "Zoekt een LHBTI-vriendelijke woonomgeving.",
            "Ze noemt zichzelf queer.",
            "Is uit de kast gekomen en daarna door de familie verstoten.",
            "Heeft jaren in de prostitutie gewerkt.",
            "Hen is non-binair.",
        ],
        &[
            "He is gay and lives with his partner.",
            "She identifies as bisexual.",
            "Member of the LGBTQ community.",
        ],
    );
}

#[test]
fn ethnic_origin() {
    check(
        FindingKind::Ethnicity,
        &[
            "Ze is van Marokkaanse afkomst.",
            "Hij is Turks-Nederlands en spreekt beide talen.",
            "Het gezin heeft een migratieachtergrond.",
            "Hij wordt in de buurt nagewezen vanwege zijn huidskleur.",
            "Mevrouw is Roma en heeft lang in een woonwagen gewoond.",
            "Hij is Koerdisch en komt uit het noorden van Irak.",
            "Hindostaanse familie met een groot netwerk in Venlo.",
            "Ze heeft een Molukse achtergrond.",
            "Etniciteit: Kaapverdisch.",
            "Vader is van Antilliaanse komaf.",
            "Racistische opmerkingen van de buren.",
            "Hij heeft Surinaamse roots.",
        ],
        &[
            "She is of Moroccan descent.",
            "Ethnicity: Somali.",
            "The family has a migration background.",
        ],
    );
}

#[test]
fn political_opinion() {
    check(
        FindingKind::Politics,
        &[
            "Hij is actief lid van de SP.",
            "Ze stemt op de PVV en praat daar veel over.",
            "Hij is partijlid van GroenLinks.",
            "Zat vroeger in de gemeenteraad voor het CDA.",
            "Heeft uitgesproken politieke opvattingen die tot ruzie met buren leiden.",
            "Hij is lid van Forum voor Democratie.",
            "Ze doet vrijwilligerswerk voor D66.",
            "Hij deelt flyers uit voor de VVD.",
            "Ze is klimaatactivist.",
            "Hij heeft extreemrechtse sympathieën.",
            "Bestuurslid van de lokale afdeling van de PvdA.",
            "Hij is lid van de Partij voor de Dieren.",
        ],
        &["He votes for the PVV.", "She is politically active."],
    );
}

#[test]
fn trade_union_membership() {
    check(
        FindingKind::UnionMembership,
        &[
            "Hij is lid van de FNV.",
            "De vakbond helpt haar met het conflict met de werkgever.",
            "Ze is vakbondslid en krijgt juridische hulp.",
            "Via het CNV is een advocaat geregeld.",
            "Hij is kaderlid bij de bond, FNV Metaal.",
            "Ze betaalt contributie aan de vakbond.",
            "Via de vakvereniging loopt een procedure tegen de werkgever.",
            "FNV Zorg & Welzijn ondersteunt haar bij de re-integratie.",
        ],
        &[
            "He is a trade union member.",
            "Her trade union helps her with her employer.",
        ],
    );
}

#[test]
fn genetic_data() {
    check(
        FindingKind::Genetic,
        &[
            "Er is erfelijkheidsonderzoek gedaan naar de spierziekte in de familie.",
            "Uit DNA-onderzoek blijkt dat hij drager is.",
            "De aandoening is genetisch bepaald.",
            "Voor de gezinshereniging is een DNA-test gedaan.",
            "Haar moeder en zus hebben dezelfde erfelijke aandoening.",
            "Ze heeft een afspraak bij de klinisch geneticus.",
            "Er is sprake van een chromosoomafwijking.",
            "Hij is erfelijk belast.",
        ],
        &[
            "Genetic testing showed a hereditary condition.",
            "A DNA test was done for the family reunification.",
        ],
    );
}

#[test]
fn biometric_data() {
    check(
        FindingKind::Biometric,
        &[
            "Vingerafdrukken zijn afgenomen bij de aanvraag van de verblijfsvergunning.",
            "De IND heeft haar biometrische gegevens vastgelegd.",
            "Zijn telefoon ontgrendelt hij met gezichtsherkenning.",
            "Voor het nieuwe paspoort zijn een pasfoto en een vingerafdruk nodig.",
            "Op zijn werk klokt hij in met een vingerscan.",
            "De irisscan op Schiphol werkte niet.",
            "Camera's met gezichtsherkenning in de flat maken haar angstig.",
            "Bij de intake is een handpalmscan gemaakt.",
        ],
        &[
            "His fingerprints were taken at the police station.",
            "The system uses facial recognition.",
        ],
    );
}

/// Ordinary placement-profile sentences, including near misses of the entries above (a dwelling
/// near the hospital or the church, "goed bevallen", nationality, language, membership of a
/// club, volunteering, a conditional promise). None may hold a special-category finding.
const CLEAN: &[&str] = &[
    "Heeft dagbesteding bij een zorgboerderij in Horst.",
    "Begeleiding 4 uur per week vanuit het wijkteam.",
    "Woont nu in beschermd wonen in Venlo.",
    "Doet twee ochtenden per week vrijwilligerswerk bij de kringloop.",
    "De woning ligt dicht bij het ziekenhuis en de supermarkt.",
    "Ze wil dichterbij haar familie in Venray wonen.",
    "Het complex ligt naast de kerk in het centrum van Tegelen.",
    "De woning is haar bij de bezichtiging goed bevallen.",
    "Ze verwacht binnen twee weken een reactie van de corporatie.",
    "Hij spreekt Nederlands en Arabisch.",
    "Ze heeft de Marokkaanse nationaliteit.",
    "Volgt een taalcursus Nederlands bij de bibliotheek.",
    "Woont in een rustige straat met veel groen.",
    "Heeft een rijbewijs en een eigen auto.",
    "Werkt 20 uur per week in de groenvoorziening.",
    "Zoekt een woning met een lift of op de begane grond.",
    "Het inkomen bestaat uit een bijstandsuitkering.",
    "Budgetbeheer loopt via de bewindvoerder.",
    "Haar zoon komt om het weekend logeren.",
    "Ze heeft een hond van een klein ras en zoekt een woning met tuin.",
    "Hij volgt een opleiding in Venlo.",
    "Na de verhuizing wordt de begeleiding afgebouwd.",
    "Hij wil dicht bij het station wonen vanwege zijn werk.",
    "Ze rookt niet en wil een rookvrije woning.",
    "Er is een voorwaardelijke toezegging van de corporatie.",
    "Hij voetbalt op zondag bij de lokale club.",
    "De corporatie stemt op maandag af met het wijkteam.",
    "Hij is lid van de voetbalvereniging en de harmonie.",
    "Ze werkt als vrijwilliger bij de voedselbank.",
    "Ze is afkomstig uit Roermond en wil daar terug.",
    "Toegang tot het gebouw gaat met een sleutelpas.",
    "Mevrouw heeft een verklaring omtrent gedrag aangevraagd voor haar vrijwilligerswerk.",
    "Begeleiding via het Leger des Heils loopt door tot de verhuizing.",
    "Ze krijgt huurtoeslag en zorgtoeslag.",
    "De wijk is multicultureel en levendig.",
    "Hij gaat op vakantie naar familie in het buitenland.",
    "Ze sport twee keer per week in de sportschool.",
    "Het complex heeft een gemeenschappelijke tuin.",
    "De verhuurder vraagt om een kopie van het paspoort.",
    "Ze heeft goed contact met haar ouders.",
    "Hij heeft zijn schulden afgelost via de schuldhulpverlening.",
    "Heeft behoefte aan structuur en een vast dagritme.",
    "Hij speelt gitaar in een band.",
    "De aanvraag voor de woning is aangehouden tot de stukken binnen zijn.",
    "De woning komt per volgende maand vrij.",
    "De rechtbank heeft het beschermingsbewind uitgesproken.",
    "Ze heeft het plan zelf goed opgepakt.",
    "Er zijn bijzondere voorwaarden in het huurcontract over huisdieren.",
    "Hij is 2 jaar geleden vanuit Polen naar Venlo gekomen.",
    "Ze heeft een Turkse supermarkt om de hoek.",
    "Het gezin is in 2016 in Venray komen wonen.",
    "Hij woont sinds kort samen met zijn vriendin.",
    "Ze staat ingeschreven bij de gemeente Peel en Maas.",
    "Wil graag dichtbij de Maas wonen.",
    "Hij heeft een voorkeur voor een tussenwoning met een schuur.",
    "Zij wil een woning met een extra kamer voor haar hobby.",
    "Contact met de wijkagent over de parkeeroverlast is goed verlopen.",
    "Dichterbij de familie wonen is haar grootste wens.",
    "Ze gokt dat de verhuizing drie weken duurt.",
    "De inloop van het buurthuis is in de kerk aan de markt.",
    "De kinderen gaan naar basisschool Sint Laurentius.",
    "Hij vindt de regel over de parkeerplaats bezopen.",
    "Ze neemt haar paspoort mee naar het gesprek om 10 uur.",
    "Hij woont in een appartement om de hoek van het gemeentehuis.",
    "She works four days a week at the garden centre.",
    "He would like a ground-floor flat near the station.",
    "The flat is clean and tidy.",
    "Support is four hours per week.",
];

#[test]
fn ordinary_profile_sentences_hold_no_special_category() {
    assert!(CLEAN.len() >= 40);
    let bad: Vec<String> = CLEAN
        .iter()
        .filter_map(|s| {
            let special: Vec<_> = found(s)
                .into_iter()
                .filter(|(k, _)| SPECIAL.contains(k))
                .collect();
            (!special.is_empty()).then(|| format!("{s}  → {special:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "false alarms:\n{}", bad.join("\n"));
}

#[test]
fn new_kinds_redact_with_their_own_placeholders() {
    let text = "Ze is moslim, lesbisch, van Turkse afkomst, stemt SP, lid van de FNV.";
    let out = redact(text, &scan(text, &Known::default()));
    assert_eq!(
        out,
        "Ze is [GELOOF], [GEAARDHEID], van [AFKOMST], stemt [POLITIEK], lid van de [VAKBOND]."
    );
    let mut placeholders: Vec<&str> = FindingKind::ALL.iter().map(|k| k.placeholder()).collect();
    placeholders.sort_unstable();
    placeholders.dedup();
    assert_eq!(
        placeholders.len(),
        FindingKind::ALL.len(),
        "placeholders are unique"
    );
    for k in SPECIAL {
        assert!(FindingKind::ALL.contains(&k));
        assert!(!k.dutch().is_empty());
    }
}

#[test]
fn new_kinds_serialise_in_camel_case() {
    for (k, s) in [
        (FindingKind::Belief, "\"belief\""),
        (FindingKind::SexualOrientation, "\"sexualOrientation\""),
        (FindingKind::Ethnicity, "\"ethnicity\""),
        (FindingKind::Politics, "\"politics\""),
        (FindingKind::UnionMembership, "\"unionMembership\""),
        (FindingKind::Genetic, "\"genetic\""),
        (FindingKind::Biometric, "\"biometric\""),
    ] {
        assert_eq!(serde_json::to_string(&k).unwrap(), s);
        assert_eq!(serde_json::from_str::<FindingKind>(s).unwrap(), k);
    }
}
