package io.consulta.media.domain;

import java.awt.geom.AffineTransform;

/** The EXIF orientations (1–8) as the pixel transforms that turn a stored image upright. */
final class Orientations {

    private Orientations() {
    }

    /**
     * Maps the stored image ({@code width} × {@code height}) onto the upright one. Whole-pixel flips and quarter turns:
     * drawn without interpolation, every pixel lands exactly on one pixel.
     */
    static AffineTransform toUpright(int orientation, int width, int height) {
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);     // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);    // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);          // mirrored along the main diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);    // turn 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // mirrored along the other diagonal
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);     // turn 90° counter-clockwise
            default -> new AffineTransform();
        };
    }
}
