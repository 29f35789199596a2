package org.ihcblotquant.stain;

/**
 * One background for all fields of a slide: the glass colours of its fields, each weighted by how
 * many glass blocks it showed, averaged per channel. Fields without glass add nothing and take the
 * slide's value; a slide where no field shows glass falls back to 255 and says so. This keeps the
 * optical densities of one slide's fields on one scale when some fields are all tissue.
 */
public final class GlassPool {
    private double sumR;
    private double sumG;
    private double sumB;
    private long blocks;
    private int fields;
    private int fieldsWithGlass;

    public void add(GlassSurvey survey) {
        fields++;
        if (!survey.found()) {
            return;
        }
        int n = survey.glassBlocks();
        Background b = survey.background();
        sumR += b.r() * n;
        sumG += b.g() * n;
        sumB += b.b() * n;
        blocks += n;
        fieldsWithGlass++;
    }

    public int fields() {
        return fields;
    }

    public int fieldsWithGlass() {
        return fieldsWithGlass;
    }

    public Background background() {
        if (blocks == 0) {
            return new Background(255, 255, 255, Background.Source.SLIDE_NO_GLASS_FALLBACK);
        }
        return new Background(sumR / blocks, sumG / blocks, sumB / blocks, Background.Source.SLIDE_GLASS);
    }
}
