package org.ihcblotquant.blot;

import java.awt.Rectangle;

/** A lane: a vertical strip of the membrane, numbered from 1 at the left. */
public final class Lane {
    private final int number;
    private final Rectangle bounds;

    public Lane(int number, Rectangle bounds) {
        this.number = number;
        this.bounds = new Rectangle(bounds);
    }

    /** 1-based, left to right. */
    public int number() {
        return number;
    }

    public Rectangle bounds() {
        return new Rectangle(bounds);
    }

    public double centreX() {
        return bounds.x + bounds.width / 2.0;
    }

    @Override
    public String toString() {
        return "lane" + number + "[x=" + bounds.x + ",w=" + bounds.width + "]";
    }
}
