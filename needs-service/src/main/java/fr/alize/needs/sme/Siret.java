package fr.alize.needs.sme;

/** The French establishment number: 14 digits whose Luhn checksum is valid. */
public final class Siret {

    private Siret() {
    }

    public static boolean isValid(String siret) {
        if (siret == null || !siret.matches("[0-9]{14}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
