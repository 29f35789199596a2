package org.ihcblotquant.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Allred and IRS category bounds as published (Allred 1998, Remmele & Stegner 1987), and the compartments. */
class ClinicalScoresTest {

    @Test
    void allredProportionBounds() {
        assertEquals(0, ClinicalScores.allredProportion(0, 0));
        assertEquals(1, ClinicalScores.allredProportion(0.5, 1));
        assertEquals(2, ClinicalScores.allredProportion(1, 10));
        assertEquals(2, ClinicalScores.allredProportion(10, 10));
        assertEquals(3, ClinicalScores.allredProportion(10.1, 10));
        assertEquals(3, ClinicalScores.allredProportion(33.3, 10));
        assertEquals(4, ClinicalScores.allredProportion(34, 10));
        assertEquals(4, ClinicalScores.allredProportion(66, 10));
        assertEquals(5, ClinicalScores.allredProportion(67, 10));
    }

    @Test
    void irsProportionBounds() {
        assertEquals(0, ClinicalScores.irsProportion(0, 0));
        assertEquals(1, ClinicalScores.irsProportion(9.9, 1));
        assertEquals(2, ClinicalScores.irsProportion(10, 1));
        assertEquals(2, ClinicalScores.irsProportion(50, 1));
        assertEquals(3, ClinicalScores.irsProportion(51, 1));
        assertEquals(3, ClinicalScores.irsProportion(80, 1));
        assertEquals(4, ClinicalScores.irsProportion(81, 1));
    }

    @Test
    void scoresFromCellsOnEachCompartment() {
        // 10 cells: 6 negative nuclei, 2 weak (0.3), 1 moderate (0.5), 1 strong (0.9) by nuclear DAB;
        // rings carry 0.7 everywhere, so on the cytoplasm every cell is strong
        List<Nucleus> cells = new ArrayList<>();
        double[] dab = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.3, 0.3, 0.5, 0.9};
        CellSettings s = CellSettings.defaults();
        for (double d : dab) {
            cells.add(new Nucleus(0, 0, 100, 0.5, d, d, 300, 0.7, 0.8, s.classOf(d), null, null));
        }
        CellCounts c = CellCounts.of(cells, Compartment.NUCLEUS);
        assertEquals(40.0, c.positivePct(), 1e-12);
        assertEquals(20 + 2 * 10 + 3 * 10, c.hScore(), 1e-12);
        assertEquals((6 * 0.05 + 0.6 + 0.5 + 0.9) / 10, c.nuclearDabMean(), 1e-12);
        // average positive cell: (0.3 + 0.3 + 0.5 + 0.9) / 4 = 0.5 -> moderate (2); 40 % -> Allred 4, IRS 2
        assertEquals(4 + 2, ClinicalScores.allred(c, s));
        assertEquals(2 * 2, ClinicalScores.irs(c, s));
        Nucleus n = cells.get(0);
        assertEquals((0.05 * 100 + 0.7 * 300) / 400, n.cellMeanDab(), 1e-12);
        assertEquals(0.7, n.compartmentDab(Compartment.CYTOPLASM), 1e-12);
        assertEquals(n.cellMeanDab(), n.compartmentDab(Compartment.CELL), 1e-12);
    }
}
