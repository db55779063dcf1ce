namespace EnSakITaget.Application.Libraries.CreateLibrary;

internal sealed class CreateLibraryCommandValidator : LibraryInputValidator<CreateLibraryCommand>;
