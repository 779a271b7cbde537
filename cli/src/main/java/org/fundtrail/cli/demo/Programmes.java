package org.fundtrail.cli.demo;

import java.util.List;

/**
 * The budget programmes of the demo network: one per agency (delivered through the agency) and one
 * central programme per department (spent by the department itself), with their COFOG function,
 * economic classification, 2025 size and outcome indicators. Amounts are loosely those of a
 * European country of ten million people.
 */
final class Programmes {
    private Programmes() {
    }

    /**
     * A sector: what its organisations buy and from whom; the supplier word at index i names the
     * kind of company paid for the category at index i.
     */
    enum Sector {
        HEALTH(List.of("Medical supplies", "Pharmaceuticals", "Clinical services", "Medical equipment",
                "Facility maintenance", "IT systems"),
                List.of("Medical Supplies", "Pharma", "Clinical Services", "Medical Systems", "Facility Services",
                        "Health IT")),
        SOCIAL(List.of("Benefit payments", "Payment services", "Case management services", "IT systems",
                "Office accommodation"),
                List.of("Payment Services", "Clearing", "Care Partners", "Data Systems", "Property")),
        EDUCATION(List.of("School operating grants", "Teaching materials", "Building maintenance", "IT equipment",
                "School transport", "Catering"),
                List.of("Schools Trust", "Learning", "Builders", "Computers", "School Transport", "Catering")),
        CULTURE(List.of("Conservation works", "Exhibition services", "Digitisation services", "Event production",
                "Broadcast equipment", "Sports facility works"),
                List.of("Heritage Conservation", "Exhibitions", "Digital Archives", "Productions", "Broadcast",
                        "Sports Surfaces")),
        TRANSPORT(List.of("Road construction works", "Resurfacing works", "Engineering design", "Rail track works",
                "Dredging works", "Public service contract payments"),
                List.of("Construction", "Asphalt", "Engineering", "Rail Systems", "Dredging", "Transit")),
        ENVIRONMENT(List.of("Waste collection services", "Treatment plant works", "Monitoring equipment",
                "Habitat restoration", "Environmental consulting"),
                List.of("Recycling", "Water Technologies", "Instruments", "Ecology", "Environmental")),
        ADMINISTRATION(List.of("Staff costs", "Office supplies", "IT services", "Consultancy", "Travel"),
                List.of("Payroll Services", "Office Solutions", "IT Services", "Consulting", "Travel Services"));

        final List<String> categories;
        final List<String> supplierWords;

        Sector(List<String> categories, List<String> supplierWords) {
            this.categories = categories;
            this.supplierWords = supplierWords;
        }
    }

    /**
     * An outcome indicator.
     *
     * @param name what is measured
     * @param unit its unit
     * @param baseline the value before 2025
     * @param target2025 the 2025 target
     * @param target2026 the 2026 target
     * @param decimals digits after the point of the values
     */
    record Indicator(String name, String unit, double baseline, double target2025, double target2026,
                     int decimals) {
    }

    /**
     * A budget programme.
     *
     * @param code the programme code of the budget law, e.g. {@code HLT.01}
     * @param name its name
     * @param cofog its COFOG function
     * @param economic its main GFS economic classification
     * @param millions2025 its 2025 appropriation in millions of EUR
     * @param agencyId the agency delivering it, or null for a department's central programme
     * @param sector what it buys
     * @param indicators its outcome indicators
     */
    record Programme(String code, String name, String cofog, String economic, double millions2025, String agencyId,
                     Sector sector, List<Indicator> indicators) {
    }

    /**
     * A department and its programmes (the central one first).
     *
     * @param id the department's Fundtrail id
     * @param chapter the budget law chapter (COFOG division)
     * @param programmes its programmes
     */
    record Department(String id, String chapter, List<Programme> programmes) {
    }

    private static Programme agency(String code, String name, String cofog, String economic, double millions,
                                    String agencyId, Sector sector, Indicator... indicators) {
        return new Programme(code, name, cofog, economic, millions, agencyId, sector, List.of(indicators));
    }

    private static Programme central(String code, String name, String cofog, double millions) {
        return new Programme(code, name, cofog, "2.1", millions, null, Sector.ADMINISTRATION, List.of());
    }

    private static Indicator ind(String name, String unit, double baseline, double t2025, double t2026, int dec) {
        return new Indicator(name, unit, baseline, t2025, t2026, dec);
    }

    /** The departments, in registration order. */
    static final List<Department> DEPARTMENTS = List.of(
            new Department("HEALTH", "07", List.of(
                    central("HLT.00", "Health policy and administration", "07.6", 140),
                    agency("HLT.01", "Hospital services", "07.3", "2.2", 9800, "HEALTH-HOSP", Sector.HEALTH,
                            ind("Hospital beds available", "beds", 21400, 21650, 21900, 0),
                            ind("Median emergency department waiting time", "minutes", 94, 85, 80, 0)),
                    agency("HLT.02", "Outpatient and primary care", "07.2", "2.2", 3400, "HEALTH-PRIM",
                            Sector.HEALTH,
                            ind("Population registered with a family doctor", "%", 88.5, 90, 92, 1)),
                    agency("HLT.03", "Public health and prevention", "07.4", "2.2", 620, "HEALTH-PH", Sector.HEALTH,
                            ind("Measles vaccination coverage (second dose)", "%", 91.2, 93, 95, 1),
                            ind("Cancer screening invitations sent", "invitations", 810000, 850000, 900000, 0)),
                    agency("HLT.04", "Medicines and medical devices", "07.1", "2.2", 2150, "HEALTH-MED",
                            Sector.HEALTH,
                            ind("Essential medicines in stock at public pharmacies", "%", 94, 96, 97, 1)),
                    agency("HLT.05", "Health research", "07.5", "2.6", 210, "HEALTH-RES", Sector.HEALTH,
                            ind("Peer-reviewed publications funded", "publications", 1240, 1300, 1350, 0)))),
            new Department("SOCIAL", "10", List.of(
                    central("SOC.00", "Social protection administration", "10.9", 180),
                    agency("SOC.01", "State pensions", "10.2", "2.7", 22500, "SOCIAL-PENS", Sector.SOCIAL,
                            ind("Pensions paid on the due date", "%", 98.7, 99.5, 99.6, 1),
                            ind("Pension recipients", "persons", 2140000, 2165000, 2190000, 0)),
                    agency("SOC.02", "Unemployment benefits and activation", "10.5", "2.7", 3900, "SOCIAL-EMP",
                            Sector.SOCIAL,
                            ind("Jobseekers placed in employment within six months", "persons", 41000, 45000,
                                    47000, 0)),
                    agency("SOC.03", "Family and child benefits", "10.4", "2.7", 4300, "SOCIAL-FAM", Sector.SOCIAL,
                            ind("Children receiving child benefit", "children", 1720000, 1735000, 1740000, 0)),
                    agency("SOC.04", "Disability support", "10.1", "2.7", 2800, "SOCIAL-DIS", Sector.SOCIAL,
                            ind("Personal assistance hours delivered", "hours", 12400000, 12900000, 13300000, 0)),
                    agency("SOC.05", "Social housing", "10.6", "3.1", 950, "SOCIAL-HOUS", Sector.SOCIAL,
                            ind("Social housing units completed", "dwellings", 1850, 2200, 2600, 0)))),
            new Department("EDU", "09", List.of(
                    central("EDU.00", "Education administration", "09.8", 160),
                    agency("EDU.01", "Pre-primary and primary education", "09.1", "2.1", 6200, "EDU-EARLY",
                            Sector.EDUCATION,
                            ind("Pupils enrolled in primary education", "pupils", 612000, 615000, 618000, 0)),
                    agency("EDU.02", "Secondary education", "09.2", "2.1", 5600, "EDU-SCHOOLS", Sector.EDUCATION,
                            ind("Pupils enrolled in secondary education", "pupils", 498000, 500000, 503000, 0),
                            ind("Upper secondary completion rate", "%", 86.1, 87.5, 88.5, 1)),
                    agency("EDU.03", "Vocational and post-secondary education", "09.3", "2.1", 1250, "EDU-VOC",
                            Sector.EDUCATION,
                            ind("Apprenticeships started", "apprentices", 23500, 25000, 26500, 0)),
                    agency("EDU.04", "Tertiary education", "09.4", "2.6", 3700, "EDU-UNI", Sector.EDUCATION,
                            ind("Tertiary graduates", "graduates", 61200, 62000, 63000, 0)),
                    agency("EDU.05", "Student support services", "09.6", "2.7", 780, "EDU-STUD", Sector.EDUCATION,
                            ind("Students receiving maintenance grants", "students", 154000, 158000, 160000, 0)))),
            new Department("CULTURE", "08", List.of(
                    central("CUL.00", "Culture and sport policy and administration", "08.6", 45),
                    agency("CUL.01", "Museums and heritage", "08.2", "2.2", 310, "CULTURE-MUS", Sector.CULTURE,
                            ind("Museum visitors", "visitors", 3420000, 3600000, 3750000, 0)),
                    agency("CUL.02", "Libraries and archives", "08.2", "2.2", 145, "CULTURE-LIB", Sector.CULTURE,
                            ind("Archive documents digitised", "documents", 1200000, 1500000, 1800000, 0)),
                    agency("CUL.03", "Sport and recreation", "08.1", "3.1", 420, "CULTURE-SPORT", Sector.CULTURE,
                            ind("Sports facilities renovated", "facilities", 42, 55, 60, 0)),
                    agency("CUL.04", "Public broadcasting", "08.3", "2.2", 560, "CULTURE-MEDIA", Sector.CULTURE,
                            ind("Hours of original programming broadcast", "hours", 8100, 8400, 8600, 0)))),
            new Department("INFRA", "04", List.of(
                    central("INF.00", "Transport policy and administration", "04.5", 95),
                    agency("INF.01", "National roads", "04.5.1", "3.1", 2900, "INFRA-ROADS", Sector.TRANSPORT,
                            ind("Road km resurfaced", "km", 480, 620, 650, 0),
                            ind("Bridges rated in good condition", "%", 71.5, 73, 75, 1)),
                    agency("INF.02", "Railway infrastructure", "04.5.3", "3.1", 2300, "INFRA-RAIL",
                            Sector.TRANSPORT,
                            ind("Rail track km renewed", "km", 110, 140, 150, 0)),
                    agency("INF.03", "Ports and inland waterways", "04.5.2", "3.1", 380, "INFRA-PORTS",
                            Sector.TRANSPORT,
                            ind("Waterway length dredged to navigable depth", "km", 65, 80, 85, 0)),
                    agency("INF.04", "Public transport services", "04.5", "2.5", 1150, "INFRA-TRANSIT",
                            Sector.TRANSPORT,
                            ind("Public transport passenger journeys", "million journeys", 612, 640, 660, 1)))),
            new Department("ENV", "05", List.of(
                    central("ENV.00", "Environmental policy and administration", "05.6", 70),
                    agency("ENV.01", "Waste management", "05.1", "2.2", 480, "ENV-WASTE", Sector.ENVIRONMENT,
                            ind("Municipal waste recycled", "%", 47.5, 50, 53, 1)),
                    agency("ENV.02", "Waste water management", "05.2", "3.1", 690, "ENV-WATER", Sector.ENVIRONMENT,
                            ind("Population connected to secondary waste water treatment", "%", 83.2, 85, 86.5, 1)),
                    agency("ENV.03", "Pollution abatement", "05.3", "2.2", 230, "ENV-AIR", Sector.ENVIRONMENT,
                            ind("Air quality monitoring stations operational", "stations", 142, 160, 175, 0)),
                    agency("ENV.04", "Protection of biodiversity and landscape", "05.4", "2.2", 310, "ENV-NATURE",
                            Sector.ENVIRONMENT,
                            ind("Protected area under active management", "km2", 5800, 6300, 6900, 0)))));

    /** Surnames for supplier names. */
    static final List<String> SURNAMES = List.of("Andersen", "Novak", "Lindqvist", "Moreau", "Kowalski", "Jansen",
            "Horvat", "Bianchi", "Fischer", "Okafor", "Petrov", "Silva", "Virtanen", "Dubois", "Kovacs", "Murphy",
            "Rossi", "Weber", "Nielsen", "Costa", "Berg", "Laurent", "Hoffmann", "Varga");

    /** Legal-form suffixes for supplier names. */
    static final List<String> SUFFIXES = List.of("Ltd", "GmbH", "S.A.", "B.V.", "AS", "Oy", "S.r.l.", "AB", "plc");
}
