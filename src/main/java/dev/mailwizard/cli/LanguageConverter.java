package dev.mailwizard.cli;

import dev.mailwizard.model.AppLanguage;
import picocli.CommandLine;

/** {@code --lang de}: a language MailWizard speaks, or bad usage naming the value and the choices. */
final class LanguageConverter implements CommandLine.ITypeConverter<AppLanguage> {
    @Override
    public AppLanguage convert(String value) {
        try {
            return AppLanguage.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
