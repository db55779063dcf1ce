namespace EnSakITaget.Application.Libraries.CreateLibrary;

public sealed class CreateLibraryCommandValidator : LibraryInputValidator<CreateLibraryCommand>;
