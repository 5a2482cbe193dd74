package fr.kiif.programmes.alliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

class AllianceReferenceDataTest {

    static final String INCUBATORS = """
            # comment lines are allowed
            slug,name,region
            atis,Atis,Nouvelle-Aquitaine
            ronalpia,Ronalpia,Auvergne-Rhône-Alpes
            """;
    static final String DEPARTEMENTS = """
            code,name,region
            33,Gironde,Nouvelle-Aquitaine
            40,Landes,Nouvelle-Aquitaine
            69,Rhône,Auvergne-Rhône-Alpes
            01,Ain,Auvergne-Rhône-Alpes
            13,Bouches-du-Rhône,Provence-Alpes-Côte d'Azur
            """;
    static final String TERRITORIES = """
            id,name,incubator,departements
            gironde,Gironde,atis,33
            lyon-ain,"Lyon, Ain",ronalpia,69 01
            """;

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedFiles() {
        AllianceReferenceData data = AllianceReferenceData.fromDefaultFiles();

        assertThat(data.incubators()).extracting(Incubator::slug)
                .containsExactly("ronalpia", "atis", "adress", "ecossolies", "antropia");
        assertThat(data.departements()).hasSize(101);
        assertThat(data.departements().get(0)).isEqualTo(new Departement("01", "Ain", "Auvergne-Rhône-Alpes"));
        assertThat(data.departements().get(100)).isEqualTo(new Departement("976", "Mayotte", "Mayotte"));
        assertThat(data.departement("2A")).contains(new Departement("2A", "Corse-du-Sud", "Corse"));
        assertThat(data.departement("33")).contains(new Departement("33", "Gironde", "Nouvelle-Aquitaine"));
        assertThat(data.territories()).hasSize(13);
        assertThat(data.territory("calvados-manche-orne")).contains(new Territory(
                "calvados-manche-orne", "Calvados, Manche et Orne", "adress", List.of("14", "50", "61")));
        assertThat(data.territoryOfDepartement("93")).map(Territory::id).contains("ile-de-france");
        assertThat(data.territoryOfDepartement("13")).isEmpty();
    }

    @Test
    void readsSmallFilesInOrderWithQuotedNames() throws IOException {
        AllianceReferenceData data = load(INCUBATORS, DEPARTEMENTS, TERRITORIES);

        assertThat(data.departements()).extracting(Departement::code).containsExactly("33", "40", "69", "01", "13");
        assertThat(data.territories()).extracting(Territory::id).containsExactly("gironde", "lyon-ain");
        assertThat(data.territory("lyon-ain")).contains(
                new Territory("lyon-ain", "Lyon, Ain", "ronalpia", List.of("69", "01")));
        assertThat(data.territoryOfDepartement("01")).map(Territory::id).contains("lyon-ain");
        assertThat(data.territoryOfDepartement("40")).isEmpty();
        assertThat(data.departement("99")).isEmpty();
        assertThat(data.departement(null)).isEmpty();
        assertThat(data.territory("nowhere")).isEmpty();
        assertThat(data.territoryOfDepartement(null)).isEmpty();
    }

    @Test
    void rejectsADuplicateDepartementCode() {
        String departements = DEPARTEMENTS + "40,Landes bis,Nouvelle-Aquitaine\n";

        assertThatThrownBy(() -> load(INCUBATORS, departements, TERRITORIES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("departements.csv")
                .hasMessageContaining("line 7: duplicate département code '40' (already on line 3)");
    }

    @Test
    void rejectsADuplicateTerritoryId() {
        String territories = TERRITORIES + "gironde,Gironde encore,atis,40\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("line 4: duplicate territory id 'gironde' (already on line 2)");
    }

    @Test
    void rejectsADuplicateIncubatorSlug() {
        String incubators = INCUBATORS + "atis,Atis,Nouvelle-Aquitaine\n";

        assertThatThrownBy(() -> load(incubators, DEPARTEMENTS, TERRITORIES))
                .hasMessageContaining("incubators.csv")
                .hasMessageContaining("line 5: duplicate incubator slug 'atis' (already on line 3)");
    }

    @Test
    void rejectsATerritoryOfAnUnknownIncubator() {
        String territories = TERRITORIES + "landes,Landes,adress,40\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("line 4: territory 'landes' names unknown incubator 'adress'");
    }

    @Test
    void rejectsATerritoryWithAnUnknownDepartement() {
        String territories = TERRITORIES + "landes,Landes,atis,40 20\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("line 4: territory 'landes' names unknown département '20'");
    }

    @Test
    void rejectsADepartementInTwoTerritories() {
        String territories = TERRITORIES + "rhone,Rhône,ronalpia,69\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("line 4: département '69' is in territory 'rhone' and already in territory 'lyon-ain'");
    }

    @Test
    void rejectsADepartementListedTwiceInOneTerritory() {
        String territories = TERRITORIES + "landes,Landes,atis,40 40\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("line 4: département '40' is in territory 'landes' and already in territory 'landes'");
    }

    @Test
    void rejectsABlankField() {
        String departements = DEPARTEMENTS + "# Corsica\n2A,  ,Corse\n";
        String territories = TERRITORIES + "landes,Landes,atis,\n";
        String incubators = INCUBATORS + ",Sans slug,Bretagne\n";

        assertThatThrownBy(() -> load(INCUBATORS, departements, TERRITORIES))
                .hasMessageContaining("departements.csv")
                .hasMessageContaining("line 8: field 'name' is blank");
        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("line 4: field 'departements' is blank");
        assertThatThrownBy(() -> load(incubators, DEPARTEMENTS, TERRITORIES))
                .hasMessageContaining("incubators.csv")
                .hasMessageContaining("line 5: field 'slug' is blank");
    }

    @Test
    void rejectsARowWithMissingFields() {
        String departements = DEPARTEMENTS + "2B,Haute-Corse\n";

        assertThatThrownBy(() -> load(INCUBATORS, departements, TERRITORIES))
                .hasMessageContaining("departements.csv")
                .hasMessageContaining("line 7: expected 3 fields (code,name,region) but found 2");
    }

    @Test
    void rejectsAFileWithoutTheExpectedHeader() {
        String territories = "id,name,incubator,codes\ngironde,Gironde,atis,33\n";

        assertThatThrownBy(() -> load(INCUBATORS, DEPARTEMENTS, territories))
                .hasMessageContaining("territories.csv")
                .hasMessageContaining("column 'departements' is missing");
    }

    @Test
    void countsLinesFromTheTopOfTheFileWithCommentsAndBlankLines() {
        String departements = "# header comment\n\ncode,name,region\n# two\n# comments\n33,Gironde,N-A\n\n33,Gironde,N-A";

        assertThatThrownBy(() -> load(INCUBATORS, departements, TERRITORIES))
                .hasMessageContaining("line 8: duplicate département code '33' (already on line 6)");
    }

    private AllianceReferenceData load(String incubators, String departements, String territories) throws IOException {
        return new AllianceReferenceData(
                file("incubators.csv", incubators),
                file("departements.csv", departements),
                file("territories.csv", territories));
    }

    private Resource file(String name, String content) throws IOException {
        return new FileSystemResource(Files.writeString(dir.resolve(name), content));
    }
}
