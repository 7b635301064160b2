//! Data written before the enum values became English still reads: the vault's dossiers record
//! (and so a backup, whose records are the same JSON sealed), and a bundle, whose digest covers
//! its exact bytes. The literals below are what the earlier version wrote (frozen from its own
//! serialisation: four fictitious residents, every gender, every living situation); what is
//! written now is English.

use std::collections::BTreeSet;
use woonkans_core::bundle::verify_bundle;
use woonkans_core::dossier::IncomeSource;
use woonkans_core::profile::{DerivedFacts, Gender, LivingSituation};
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::{Case, Workspace};

/// The `dossiers` record of the vault (`web/src/session.rs`) as the earlier version wrote it.
const OLD_DOSSIERS_RECORD: &str = concat!(
    r#"[{"dossier":{"id":"a1b2c3","name":{"firstNames":"Noor","tussenvoegsel":"","surname":"Bak"#,
    r#"ker","callName":""},"address":{"street":"","houseNumber":0,"houseNumberAddition":"","pos"#,
    r#"tcode":"","place":""},"gemeente":"Venlo","phones":[],"email":null,"birthDate":"1990-05-0"#,
    r#"1","bsn":"999994669","gender":"vrouw","education":"","work":"","income":{"yearlyAmountEu"#,
    r#"ros":17000,"source":"werk"},"householdSize":1,"socialNetwork":"","livingSituation":"besc"#,
    r#"hermdWonen","finances":"","hasDebts":false,"budgetManagement":false,"health":"","iban":n"#,
    r#"ull,"documents":{"landlordStatement":{"status":"requested","date":null},"brpExtract":{"s"#,
    r#"tatus":"requested","date":null},"incomeStatement":{"status":"requested","date":null},"be"#,
    r#"windvoeringRuling":{"status":"requested","date":null}},"careProvider":null,"wmoConsultan"#,
    r#"t":null,"targetGroup":{"statusHolder":null,"labourMigrant":null,"regularRouteImpossible""#,
    r#":null,"supportNeedIndependentLiving":null},"gates":[{"gate":"consentToRegister","date":""#,
    r#"2026-09-01","actor":"Zorgaanbieder"},{"gate":"eligibilityAndSupportPlan","date":"2026-10"#,
    r#"-01","actor":"Wmo-consulent"},{"gate":"consentToShareWithCoordinator","date":"2026-10-01"#,
    r#"","actor":"Wmo-consulent"}],"step":"orientation","archived":false},"profile":{"assessmen"#,
    r#"ts":{"householdCare":{"level":3},"workDayActivities":{"level":3},"socialNetwork":{"level"#,
    r#"":3},"socialSelfReliance":{"level":3},"financesDebts":{"level":3}},"mobility":"none","se"#,
    r#"archArea":["Venlo"],"excludedNeighbourhoods":[],"housingForm":"noPreference","rentArrear"#,
    r#"s":"none","nuisance":"none","budgetManagement":false,"contractForm":"regularLease","supp"#,
    r#"ortHoursPerWeek":4.0,"reachable247":true,"relapsePlan":{"signals":"Post blijft liggen.","#,
    r#""agreements":[{"party":"careProvider","action":"Huisbezoek binnen twee dagen."},{"party""#,
    r#":"housingAssociation","action":"Meldt een achterstand na een maand."}]},"safetyPlan":"no"#,
    r#"tNeeded","maxRentOverrideCents":null,"released":{}},"codes":{"vb-maasdal":"WK-GMH14-B9VW"#,
    r#"E-J"},"accepted":null,"log":[{"at":"2026-11-28T10:00:00","step":5,"recipientId":"vb-maas"#,
    r#"dal","recipientName":"Voorbeeld Woonstichting Maasdal","categories":["Geslacht","Woonsit"#,
    r#"uatie","Huishouden / persoonlijke verzorging","Werk / daginvulling","Mobiliteit","Sociaa"#,
    r#"l netwerk","Sociale redzaamheid","Financiën / schulden"],"grondslag":"Wmo","bundleId":"0"#,
    r#"3030303030303030303030303030303","codes":["WK-GMH14-B9VWE-J"],"kind":"codedBundle"}],"se"#,
    r#"ntTexts":{"vb-maasdal":[]}},{"dossier":{"id":"d4e5f6","name":{"firstNames":"Sem","tussen"#,
    r#"voegsel":"","surname":"Jansen","callName":""},"address":{"street":"","houseNumber":0,"ho"#,
    r#"useNumberAddition":"","postcode":"","place":""},"gemeente":"Venlo","phones":[],"email":n"#,
    r#"ull,"birthDate":"1990-05-01","bsn":"111222333","gender":"man","education":"","work":"",""#,
    r#"income":{"yearlyAmountEuros":17000,"source":"studiefinanciering"},"householdSize":1,"soc"#,
    r#"ialNetwork":"","livingSituation":"maatschappelijkeOpvang","finances":"","hasDebts":false"#,
    r#","budgetManagement":false,"health":"","iban":null,"documents":{"landlordStatement":{"sta"#,
    r#"tus":"requested","date":null},"brpExtract":{"status":"requested","date":null},"incomeSta"#,
    r#"tement":{"status":"requested","date":null},"bewindvoeringRuling":{"status":"requested",""#,
    r#"date":null}},"careProvider":null,"wmoConsultant":null,"targetGroup":{"statusHolder":null"#,
    r#","labourMigrant":null,"regularRouteImpossible":null,"supportNeedIndependentLiving":null}"#,
    r#","gates":[{"gate":"consentToRegister","date":"2026-09-01","actor":"Zorgaanbieder"},{"gat"#,
    r#"e":"eligibilityAndSupportPlan","date":"2026-10-01","actor":"Wmo-consulent"},{"gate":"con"#,
    r#"sentToShareWithCoordinator","date":"2026-10-01","actor":"Wmo-consulent"}],"step":"orient"#,
    r#"ation","archived":false},"profile":{"assessments":{"householdCare":{"level":3},"workDayA"#,
    r#"ctivities":{"level":3},"socialNetwork":{"level":3},"socialSelfReliance":{"level":3},"fin"#,
    r#"ancesDebts":{"level":3}},"mobility":"none","searchArea":["Venlo"],"excludedNeighbourhood"#,
    r#"s":[],"housingForm":"noPreference","rentArrears":"none","nuisance":"none","budgetManagem"#,
    r#"ent":false,"contractForm":"regularLease","supportHoursPerWeek":4.0,"reachable247":true,""#,
    r#"relapsePlan":{"signals":"Post blijft liggen.","agreements":[{"party":"careProvider","act"#,
    r#"ion":"Huisbezoek binnen twee dagen."},{"party":"housingAssociation","action":"Meldt een "#,
    r#"achterstand na een maand."}]},"safetyPlan":"notNeeded","maxRentOverrideCents":null,"rele"#,
    r#"ased":{}},"codes":{"vb-maasdal":"WK-0T3JT-WAYFH-3"},"accepted":null,"log":[{"at":"2026-1"#,
    r#"1-28T10:00:00","step":5,"recipientId":"vb-maasdal","recipientName":"Voorbeeld Woonsticht"#,
    r#"ing Maasdal","categories":["Geslacht","Woonsituatie","Huishouden / persoonlijke verzorgi"#,
    r#"ng","Werk / daginvulling","Mobiliteit","Sociaal netwerk","Sociale redzaamheid","Financië"#,
    r#"n / schulden"],"grondslag":"Wmo","bundleId":"03030303030303030303030303030303","codes":["#,
    r#""WK-0T3JT-WAYFH-3"],"kind":"codedBundle"}],"sentTexts":{"vb-maasdal":[]}},{"dossier":{"i"#,
    r#"d":"g7h8j9","name":{"firstNames":"Robin","tussenvoegsel":"","surname":"Smits","callName""#,
    r#":""},"address":{"street":"","houseNumber":0,"houseNumberAddition":"","postcode":"","plac"#,
    r#"e":""},"gemeente":"Venlo","phones":[],"email":null,"birthDate":"1990-05-01","bsn":"12345"#,
    r#"6782","gender":"anders","education":"","work":"","income":{"yearlyAmountEuros":17000,"so"#,
    r#"urce":"pensioen"},"householdSize":1,"socialNetwork":"","livingSituation":"anders","finan"#,
    r#"ces":"","hasDebts":false,"budgetManagement":false,"health":"","iban":null,"documents":{""#,
    r#"landlordStatement":{"status":"requested","date":null},"brpExtract":{"status":"requested""#,
    r#","date":null},"incomeStatement":{"status":"requested","date":null},"bewindvoeringRuling""#,
    r#":{"status":"requested","date":null}},"careProvider":null,"wmoConsultant":null,"targetGro"#,
    r#"up":{"statusHolder":null,"labourMigrant":null,"regularRouteImpossible":null,"supportNeed"#,
    r#"IndependentLiving":null},"gates":[{"gate":"consentToRegister","date":"2026-09-01","actor"#,
    r#"":"Zorgaanbieder"},{"gate":"eligibilityAndSupportPlan","date":"2026-10-01","actor":"Wmo-"#,
    r#"consulent"},{"gate":"consentToShareWithCoordinator","date":"2026-10-01","actor":"Wmo-con"#,
    r#"sulent"}],"step":"orientation","archived":false},"profile":{"assessments":{"householdCar"#,
    r#"e":{"level":3},"workDayActivities":{"level":3},"socialNetwork":{"level":3},"socialSelfRe"#,
    r#"liance":{"level":3},"financesDebts":{"level":3}},"mobility":"none","searchArea":["Venlo""#,
    r#"],"excludedNeighbourhoods":[],"housingForm":"noPreference","rentArrears":"none","nuisanc"#,
    r#"e":"none","budgetManagement":false,"contractForm":"regularLease","supportHoursPerWeek":4"#,
    r#".0,"reachable247":true,"relapsePlan":{"signals":"Post blijft liggen.","agreements":[{"pa"#,
    r#"rty":"careProvider","action":"Huisbezoek binnen twee dagen."},{"party":"housingAssociati"#,
    r#"on","action":"Meldt een achterstand na een maand."}]},"safetyPlan":"notNeeded","maxRentO"#,
    r#"verrideCents":null,"released":{}},"codes":{"vb-maasdal":"WK-TP8XX-R2NVX-S"},"accepted":n"#,
    r#"ull,"log":[{"at":"2026-11-28T10:00:00","step":5,"recipientId":"vb-maasdal","recipientNam"#,
    r#"e":"Voorbeeld Woonstichting Maasdal","categories":["Geslacht","Woonsituatie","Huishouden"#,
    r#" / persoonlijke verzorging","Werk / daginvulling","Mobiliteit","Sociaal netwerk","Social"#,
    r#"e redzaamheid","Financiën / schulden"],"grondslag":"Wmo","bundleId":"0303030303030303030"#,
    r#"3030303030303","codes":["WK-TP8XX-R2NVX-S"],"kind":"codedBundle"}],"sentTexts":{"vb-maas"#,
    r#"dal":[]}},{"dossier":{"id":"k1m2n3","name":{"firstNames":"Lou","tussenvoegsel":"","surna"#,
    r#"me":"Peeters","callName":""},"address":{"street":"","houseNumber":0,"houseNumberAddition"#,
    r#"":"","postcode":"","place":""},"gemeente":"Venlo","phones":[],"email":null,"birthDate":""#,
    r#"1990-05-01","bsn":"999993653","gender":"nietVermeld","education":"","work":"","income":{"#,
    r#""yearlyAmountEuros":17000,"source":"geen"},"householdSize":1,"socialNetwork":"","livingS"#,
    r#"ituation":"beschermdWonen","finances":"","hasDebts":false,"budgetManagement":false,"heal"#,
    r#"th":"","iban":null,"documents":{"landlordStatement":{"status":"requested","date":null},""#,
    r#"brpExtract":{"status":"requested","date":null},"incomeStatement":{"status":"requested",""#,
    r#"date":null},"bewindvoeringRuling":{"status":"requested","date":null}},"careProvider":nul"#,
    r#"l,"wmoConsultant":null,"targetGroup":{"statusHolder":null,"labourMigrant":null,"regularR"#,
    r#"outeImpossible":null,"supportNeedIndependentLiving":null},"gates":[{"gate":"consentToReg"#,
    r#"ister","date":"2026-09-01","actor":"Zorgaanbieder"},{"gate":"eligibilityAndSupportPlan","#,
    r#""date":"2026-10-01","actor":"Wmo-consulent"},{"gate":"consentToShareWithCoordinator","da"#,
    r#"te":"2026-10-01","actor":"Wmo-consulent"}],"step":"orientation","archived":false},"profi"#,
    r#"le":{"assessments":{"householdCare":{"level":3},"workDayActivities":{"level":3},"socialN"#,
    r#"etwork":{"level":3},"socialSelfReliance":{"level":3},"financesDebts":{"level":3}},"mobil"#,
    r#"ity":"none","searchArea":["Venlo"],"excludedNeighbourhoods":[],"housingForm":"noPreferen"#,
    r#"ce","rentArrears":"none","nuisance":"none","budgetManagement":false,"contractForm":"regu"#,
    r#"larLease","supportHoursPerWeek":4.0,"reachable247":true,"relapsePlan":{"signals":"Post b"#,
    r#"lijft liggen.","agreements":[{"party":"careProvider","action":"Huisbezoek binnen twee da"#,
    r#"gen."},{"party":"housingAssociation","action":"Meldt een achterstand na een maand."}]},""#,
    r#"safetyPlan":"notNeeded","maxRentOverrideCents":null,"released":{}},"codes":{"vb-maasdal""#,
    r#":"WK-G1P22-W0VJ3-S"},"accepted":null,"log":[{"at":"2026-11-28T10:00:00","step":5,"recipi"#,
    r#"entId":"vb-maasdal","recipientName":"Voorbeeld Woonstichting Maasdal","categories":["Ges"#,
    r#"lacht","Woonsituatie","Huishouden / persoonlijke verzorging","Werk / daginvulling","Mobi"#,
    r#"liteit","Sociaal netwerk","Sociale redzaamheid","Financiën / schulden"],"grondslag":"Wmo"#,
    r#"","bundleId":"03030303030303030303030303030303","codes":["WK-G1P22-W0VJ3-S"],"kind":"cod"#,
    r#"edBundle"}],"sentTexts":{"vb-maasdal":[]}}]"#,
);

/// A coded bundle as the earlier version wrote it, with its digest.
const OLD_BUNDLE: &str = concat!(
    r#"{"bundleId":"03030303030303030303030303030303","date":"2026-11-28","format":"woonkans-bu"#,
    r#"ndel","integrity":{"algorithm":"SHA-256","digest":"347c099573fee81ee15099db868eb7f285285"#,
    r#"608bf122a33d16f70ac74ff0c25"},"profiles":[{"code":"WK-0T3JT-WAYFH-3","matches":[{"dwelli"#,
    r#"ngId":"VB-00416","score":100},{"dwellingId":"VB-00118","score":94},{"dwellingId":"VB-001"#,
    r#"55","score":91},{"dwellingId":"VB-00242","score":88},{"dwellingId":"VB-00350","score":88"#,
    r#"},{"dwellingId":"VB-00057","score":83},{"dwellingId":"VB-00249","score":83},{"dwellingId"#,
    r#"":"VB-00398","score":83},{"dwellingId":"VB-00210","score":81},{"dwellingId":"VB-00336",""#,
    r#"score":81},{"dwellingId":"VB-00101","score":80},{"dwellingId":"VB-00197","score":80},{"d"#,
    r#"wellingId":"VB-00356","score":80},{"dwellingId":"VB-00417","score":80},{"dwellingId":"VB"#,
    r#"-00218","score":73},{"dwellingId":"VB-00414","score":72}],"profile":{"ageBand":"28-54",""#,
    r#"budgetManagement":false,"contractForm":"regularLease","excludedNeighbourhoods":[],"gende"#,
    r#"r":"man","householdSize":1,"housingForm":"noPreference","incomeBand":"atOrBelowLimit","l"#,
    r#"ivingSituation":"maatschappelijkeOpvang","maxRentCents":71307,"mobility":"none","notes":"#,
    r#"{},"nuisance":"none","reachable247":true,"relapsePlan":null,"rentArrears":"none","safety"#,
    r#"Plan":"notNeeded","searchArea":["Venlo"],"selfReliance":{"financesDebts":3,"householdCar"#,
    r#"e":3,"socialNetwork":3,"socialSelfReliance":3,"workDayActivities":3},"supportHoursPerWee"#,
    r#"k":4.0}},{"code":"WK-G1P22-W0VJ3-S","matches":[{"dwellingId":"VB-00416","score":100},{"d"#,
    r#"wellingId":"VB-00118","score":94},{"dwellingId":"VB-00155","score":91},{"dwellingId":"VB"#,
    r#"-00242","score":88},{"dwellingId":"VB-00350","score":88},{"dwellingId":"VB-00057","score"#,
    r#"":83},{"dwellingId":"VB-00249","score":83},{"dwellingId":"VB-00398","score":83},{"dwelli"#,
    r#"ngId":"VB-00210","score":81},{"dwellingId":"VB-00336","score":81},{"dwellingId":"VB-0010"#,
    r#"1","score":80},{"dwellingId":"VB-00197","score":80},{"dwellingId":"VB-00356","score":80}"#,
    r#",{"dwellingId":"VB-00417","score":80},{"dwellingId":"VB-00218","score":73},{"dwellingId""#,
    r#":"VB-00414","score":72}],"profile":{"ageBand":"28-54","budgetManagement":false,"contract"#,
    r#"Form":"regularLease","excludedNeighbourhoods":[],"gender":"nietVermeld","householdSize":"#,
    r#"1,"housingForm":"noPreference","incomeBand":"atOrBelowLimit","livingSituation":"bescherm"#,
    r#"dWonen","maxRentCents":71307,"mobility":"none","notes":{},"nuisance":"none","reachable24"#,
    r#"7":true,"relapsePlan":null,"rentArrears":"none","safetyPlan":"notNeeded","searchArea":[""#,
    r#"Venlo"],"selfReliance":{"financesDebts":3,"householdCare":3,"socialNetwork":3,"socialSel"#,
    r#"fReliance":3,"workDayActivities":3},"supportHoursPerWeek":4.0}},{"code":"WK-GMH14-B9VWE-"#,
    r#"J","matches":[{"dwellingId":"VB-00416","score":100},{"dwellingId":"VB-00118","score":94}"#,
    r#",{"dwellingId":"VB-00155","score":91},{"dwellingId":"VB-00242","score":88},{"dwellingId""#,
    r#":"VB-00350","score":88},{"dwellingId":"VB-00057","score":83},{"dwellingId":"VB-00249","s"#,
    r#"core":83},{"dwellingId":"VB-00398","score":83},{"dwellingId":"VB-00210","score":81},{"dw"#,
    r#"ellingId":"VB-00336","score":81},{"dwellingId":"VB-00101","score":80},{"dwellingId":"VB-"#,
    r#"00197","score":80},{"dwellingId":"VB-00356","score":80},{"dwellingId":"VB-00417","score""#,
    r#":80},{"dwellingId":"VB-00218","score":73},{"dwellingId":"VB-00414","score":72}],"profile"#,
    r#"":{"ageBand":"28-54","budgetManagement":false,"contractForm":"regularLease","excludedNei"#,
    r#"ghbourhoods":[],"gender":"vrouw","householdSize":1,"housingForm":"noPreference","incomeB"#,
    r#"and":"atOrBelowLimit","livingSituation":"beschermdWonen","maxRentCents":71307,"mobility""#,
    r#":"none","notes":{},"nuisance":"none","reachable247":true,"relapsePlan":null,"rentArrears"#,
    r#"":"none","safetyPlan":"notNeeded","searchArea":["Venlo"],"selfReliance":{"financesDebts""#,
    r#":3,"householdCare":3,"socialNetwork":3,"socialSelfReliance":3,"workDayActivities":3},"su"#,
    r#"pportHoursPerWeek":4.0}},{"code":"WK-TP8XX-R2NVX-S","matches":[{"dwellingId":"VB-00416","#,
    r#""score":100},{"dwellingId":"VB-00118","score":94},{"dwellingId":"VB-00155","score":91},{"#,
    r#""dwellingId":"VB-00242","score":88},{"dwellingId":"VB-00350","score":88},{"dwellingId":""#,
    r#"VB-00057","score":83},{"dwellingId":"VB-00249","score":83},{"dwellingId":"VB-00398","sco"#,
    r#"re":83},{"dwellingId":"VB-00210","score":81},{"dwellingId":"VB-00336","score":81},{"dwel"#,
    r#"lingId":"VB-00101","score":80},{"dwellingId":"VB-00197","score":80},{"dwellingId":"VB-00"#,
    r#"356","score":80},{"dwellingId":"VB-00417","score":80},{"dwellingId":"VB-00218","score":7"#,
    r#"3},{"dwellingId":"VB-00414","score":72}],"profile":{"ageBand":"28-54","budgetManagement""#,
    r#":false,"contractForm":"regularLease","excludedNeighbourhoods":[],"gender":"anders","hous"#,
    r#"eholdSize":1,"housingForm":"noPreference","incomeBand":"atOrBelowLimit","livingSituation"#,
    r#"":"anders","maxRentCents":71307,"mobility":"none","notes":{},"nuisance":"none","reachabl"#,
    r#"e247":true,"relapsePlan":null,"rentArrears":"none","safetyPlan":"notNeeded","searchArea""#,
    r#":["Venlo"],"selfReliance":{"financesDebts":3,"householdCare":3,"socialNetwork":3,"social"#,
    r#"SelfReliance":3,"workDayActivities":3},"supportHoursPerWeek":4.0}}],"recipient":{"id":"v"#,
    r#"b-maasdal","name":"Voorbeeld Woonstichting Maasdal"},"sender":{"region":"noordLimburg",""#,
    r#"regionName":"Noord-Limburg","role":"Ketenregisseur"},"version":1}"#,
);

/// Derived facts as the earlier version passed them to the JS API.
const OLD_FACTS: &str = r#"{"gender":"vrouw","livingSituation":"beschermdWonen","ageBand":"28-54","incomeBand":"atOrBelowLimit","householdSize":1,"youngRentLimit":false}"#;

/// Every Dutch value of the earlier version and the variant it reads as.
#[test]
fn every_old_value_reads_as_its_new_variant() {
    let genders = [
        ("man", Gender::Male),
        ("vrouw", Gender::Female),
        ("anders", Gender::Other),
        ("nietVermeld", Gender::NotStated),
    ];
    for (old, new) in genders {
        let read: Gender = serde_json::from_str(&format!("\"{old}\"")).unwrap();
        assert_eq!(read, new, "{old}");
    }
    let living = [
        ("beschermdWonen", LivingSituation::ShelteredHousing),
        ("maatschappelijkeOpvang", LivingSituation::SocialShelter),
        ("anders", LivingSituation::Other),
    ];
    for (old, new) in living {
        let read: LivingSituation = serde_json::from_str(&format!("\"{old}\"")).unwrap();
        assert_eq!(read, new, "{old}");
    }
    let sources = [
        ("werk", IncomeSource::Work),
        ("uitkering", IncomeSource::Benefits),
        ("wajong", IncomeSource::Wajong),
        ("studiefinanciering", IncomeSource::StudentFinance),
        ("pensioen", IncomeSource::Pension),
        ("geen", IncomeSource::None),
        ("anders", IncomeSource::Other),
    ];
    for (old, new) in sources {
        let read: IncomeSource = serde_json::from_str(&format!("\"{old}\"")).unwrap();
        assert_eq!(read, new, "{old}");
    }
}

/// What is written now is English, and reads back as itself.
#[test]
fn values_are_written_in_english() {
    let written = |v: serde_json::Result<String>| v.unwrap();
    let genders = [
        (Gender::Male, "male"),
        (Gender::Female, "female"),
        (Gender::Other, "other"),
        (Gender::NotStated, "notStated"),
    ];
    for (g, text) in genders {
        assert_eq!(written(serde_json::to_string(&g)), format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<Gender>(&format!("\"{text}\"")).unwrap(),
            g
        );
    }
    let living = [
        (LivingSituation::ShelteredHousing, "shelteredHousing"),
        (LivingSituation::SocialShelter, "socialShelter"),
        (LivingSituation::Other, "other"),
    ];
    for (l, text) in living {
        assert_eq!(written(serde_json::to_string(&l)), format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<LivingSituation>(&format!("\"{text}\"")).unwrap(),
            l
        );
    }
    let sources = [
        (IncomeSource::Work, "work"),
        (IncomeSource::Benefits, "benefits"),
        (IncomeSource::Wajong, "wajong"),
        (IncomeSource::StudentFinance, "studentFinance"),
        (IncomeSource::Pension, "pension"),
        (IncomeSource::None, "none"),
        (IncomeSource::Other, "other"),
    ];
    for (s, text) in sources {
        assert_eq!(written(serde_json::to_string(&s)), format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<IncomeSource>(&format!("\"{text}\"")).unwrap(),
            s
        );
    }
}

#[test]
fn an_old_dossiers_record_reads_and_is_saved_in_english() {
    let cases: Vec<Case> = serde_json::from_str(OLD_DOSSIERS_RECORD).expect("the old record reads");
    let seen: Vec<_> = cases
        .iter()
        .map(|c| {
            let x = &c.dossier;
            (x.gender, x.living_situation, x.income.map(|i| i.source))
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                Some(Gender::Female),
                Some(LivingSituation::ShelteredHousing),
                Some(IncomeSource::Work)
            ),
            (
                Some(Gender::Male),
                Some(LivingSituation::SocialShelter),
                Some(IncomeSource::StudentFinance)
            ),
            (
                Some(Gender::Other),
                Some(LivingSituation::Other),
                Some(IncomeSource::Pension)
            ),
            (
                Some(Gender::NotStated),
                Some(LivingSituation::ShelteredHousing),
                Some(IncomeSource::None)
            ),
        ]
    );
    // Everything else came through too: the codes and the log of the bundle written then.
    assert!(cases.iter().all(|c| c.codes.len() == 1 && c.log.len() == 1));

    // The next autosave writes English values, and they read back the same.
    let saved = serde_json::to_string(&cases).unwrap();
    for old in [
        "\"vrouw\"",
        "\"man\"",
        "\"anders\"",
        "\"nietVermeld\"",
        "\"beschermdWonen\"",
        "\"maatschappelijkeOpvang\"",
        "\"werk\"",
        "\"studiefinanciering\"",
        "\"pensioen\"",
        "\"geen\"",
    ] {
        assert!(!saved.contains(old), "{old} is still written");
    }
    for new in [
        "\"female\"",
        "\"male\"",
        "\"other\"",
        "\"notStated\"",
        "\"shelteredHousing\"",
        "\"socialShelter\"",
        "\"work\"",
        "\"studentFinance\"",
        "\"pension\"",
        "\"none\"",
    ] {
        assert!(saved.contains(new), "{new} is not written");
    }
    let again: Vec<Case> = serde_json::from_str(&saved).unwrap();
    assert!(again == cases);
}

/// The whole workspace as `Workspace::from_json` reads it, with the cases of the old record.
#[test]
fn an_old_workspace_reads() {
    let mut ws: serde_json::Value =
        serde_json::from_str(&Workspace::new(sample_offer()).to_json()).unwrap();
    ws["cases"] = serde_json::from_str(OLD_DOSSIERS_RECORD).unwrap();
    let ws = Workspace::from_json(&ws.to_string()).expect("the old workspace reads");
    assert_eq!(ws.cases().len(), 4);
    assert_eq!(ws.cases()[0].dossier.gender, Some(Gender::Female));
    assert_eq!(ws.cases()[3].dossier.gender, Some(Gender::NotStated));
}

#[test]
fn an_old_bundle_still_verifies_and_reads_as_the_new_variants() {
    let verified = verify_bundle(OLD_BUNDLE.as_bytes()).expect("the old bundle verifies");
    assert_eq!(
        verified.digest,
        "347c099573fee81ee15099db868eb7f285285608bf122a33d16f70ac74ff0c25"
    );
    let genders: BTreeSet<_> = verified
        .profiles
        .iter()
        .map(|p| format!("{:?}", p.profile.gender))
        .collect();
    assert_eq!(
        genders,
        ["Female", "Male", "NotStated", "Other"]
            .map(String::from)
            .into()
    );
    let living: Vec<_> = verified
        .profiles
        .iter()
        .map(|p| p.profile.living_situation)
        .collect();
    assert_eq!(
        living,
        vec![
            LivingSituation::SocialShelter,
            LivingSituation::ShelteredHousing,
            LivingSituation::ShelteredHousing,
            LivingSituation::Other,
        ]
    );
    assert_eq!(verified.profiles[0].profile.gender, Gender::Male);
    assert_eq!(verified.profiles[3].profile.gender, Gender::Other);
    // One changed byte is still refused.
    let tampered = OLD_BUNDLE.replacen("\"vrouw\"", "\"man\"", 1);
    assert_eq!(
        verify_bundle(tampered.as_bytes()).unwrap_err().code,
        "BUNDLE_DIGEST"
    );
}

#[test]
fn old_derived_facts_read() {
    let facts: DerivedFacts = serde_json::from_str(OLD_FACTS).unwrap();
    assert_eq!(facts.gender, Gender::Female);
    assert_eq!(facts.living_situation, LivingSituation::ShelteredHousing);
    let now = serde_json::to_string(&facts).unwrap();
    assert!(
        now.contains("\"gender\":\"female\"")
            && now.contains("\"livingSituation\":\"shelteredHousing\"")
    );
}

/// Records written before profile versions: no version, no shared or handed-over profiles.
/// They read as version 0 with nothing recorded as shared, so no case is marked "gewijzigd na
/// delen" for a bundle whose contents were never kept; the next bundle starts the record.
#[test]
fn an_old_record_without_profile_versions_reads() {
    let cases: Vec<Case> = serde_json::from_str(OLD_DOSSIERS_RECORD).expect("the old record reads");
    assert!(!OLD_DOSSIERS_RECORD.contains("profileVersion"));
    for c in &cases {
        assert_eq!(c.profile_version, 0);
        assert!(c.shared.is_empty() && c.handed_over.is_empty());
    }
    assert_eq!(
        cases[0].codes.len(),
        1,
        "the old case did go out in a bundle"
    );
    let mut ws: serde_json::Value =
        serde_json::from_str(&Workspace::new(sample_offer()).to_json()).unwrap();
    ws["cases"] = serde_json::from_str(OLD_DOSSIERS_RECORD).unwrap();
    let ws = Workspace::from_json(&ws.to_string()).unwrap();
    let today = woonkans_core::date::Date::new(2026, 11, 28).unwrap();
    for c in ws.cases() {
        let state = woonkans_core::sharing::sharing_state(&ws, &c.dossier.id, today).unwrap();
        assert!(!state.changed_after_sharing() && !state.shared);
    }
    // Facts written before bewindvoering was taken over from the dossier read as "not given".
    let facts: DerivedFacts = serde_json::from_str(OLD_FACTS).unwrap();
    assert_eq!(facts.budget_management, None);
}
