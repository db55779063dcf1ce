namespace EnSakITaget.Application.Libraries.UpdateLibrary;

public sealed class UpdateLibraryCommandValidator : LibraryInputValidator<UpdateLibraryCommand>;
